import type {Mode} from '../../config/config.js';
import {factorValue, factsOf, isThreaded} from '../../config/modes.js';
import type {RunInfo, RunStatus} from '../../metrics/snapshot.js';
import {formatCount, formatNumber} from '../text/screen-format.js';
import type {Tone} from '../text/theme.js';


const isThreadMode = (mode: Mode): boolean => isThreaded(factsOf(mode));

export const isLoopMode = (mode: Mode): boolean => factsOf(mode).lane === 'loop';

/** The knobs that matter in this mode, as the talk writes them: `P=4`, `W=8`, `P=2 × Th=4`, `C=1,000`. */
export const paramsOf = (run: RunInfo): string =>
	factsOf(run.mode).inFlight.map((factor) => `${factor}=${formatCount(factorValue(factor, run))}`).join(' × ');

/** `io`, `cpu 10ms`, `mixed 10ms`. */
export const workOf = (run: RunInfo): string => (run.work === 'io' ? 'io' : `${run.work} ${formatNumber(run.cpuMs)}ms`);

/** `GIL on` / `GIL off` in thread modes; elsewhere only when on. */
export function gilOf(run: RunInfo): string {
	if (run.runtime === 'python') {
		return run.pythonGil === 'off' ? 'python · no GIL' : 'python · real GIL';
	}

	if (isThreadMode(run.mode)) {
		return run.gil ? 'GIL on' : 'GIL off';
	}

	return run.gil ? 'GIL on' : '';
}

export const statusLook: Readonly<Record<RunStatus, {readonly text: string; readonly tone: Tone}>> = {
	starting: {text: '◌ starting', tone: 'muted'},
	running: {text: '▸ running', tone: 'good'},
	paused: {text: '‖ paused', tone: 'warn'},
	cancelling: {text: '■ cancelling', tone: 'warn'},
	done: {text: '✓ done', tone: 'good'},
	cancelled: {text: '■ cancelled', tone: 'warn'},
	failed: {text: '✗ failed', tone: 'bad'},
};
