import type {Mode, Work} from '../config/config.js';
import type {StartupCost} from '../metrics/snapshot.js';
import {bytes, duration} from './format.js';
import {t} from '../i18n/catalogue.js';

/** What to look for in each mode (docs/architecture.md, "Facts about a mode"), short enough for 80 columns. */
export const MODE_LESSONS: Readonly<Record<Mode, string>> = {
	sequential: 'one lane, mostly ░ waiting; CPU near zero; time ≈ n·T',
	processes: 'P lanes, each still waiting; start-up, memory measured; ≈ n·T/P',
	threads: 'W lanes, each waiting; start-up, memory measured; ≈ n·T/W',
	'processes-threads': 'P×Th lanes grouped by process; time ≈ n·T/(P·Th)',
	async: "one lane, C in flight; ≈ n·T/C, or its loop's CPU if more",
	'processes-async': 'a loop per core: the answer for 400,000+ URLs',
};

export const EXTRA_LESSONS: readonly (readonly [string, string])[] = [
	['w → cpu', 'parallelism needs cores: async and sequential use one'],
	['g  GIL', 'CPU work in threads is serialised, as in CPython'],
];

/** The same lesson for CPU work, where parallelism needs cores and async does not help. */
export const CPU_LESSONS: Readonly<Record<Mode, string>> = {
	sequential: 'one lane computing, one core busy; time ≈ n·c',
	processes: 'P lanes computing, every core busy; ≈ n·c/min(P,cores)',
	threads: 'W lanes computing on every core; with g (GIL) one at a time',
	'processes-threads': 'every core busy; the GIL (g) only serialises within a process',
	async: 'one lane, one core: async does not help CPU work; ≈ n·c',
	'processes-async': 'a loop per process: CPU work spreads over the cores',
};

/** `30ms & 31 MB a thread`: one worker's measured share of the start-up and the memory it adds. */
export function perWorkerText(cost: StartupCost): string {
	const template = cost.perWorkerBytes === null ? `{ms} a ${cost.kind}` : `{ms} & {mb} a ${cost.kind}`;
	return t(template).replace('{ms}', duration(cost.perWorkerMs)).replace('{mb}', cost.perWorkerBytes === null ? '' : bytes(cost.perWorkerBytes));
}

/**
 * What to look for; for I/O on processes or threads, what one worker was
 * measured to cost once the pool is up, beside a worker of the other kind
 * when one was measured earlier in the session (threads vs processes: the
 * figures say what threads save, not the talk's CPython claim by rote).
 */
export function lessonOf(mode: Mode, work: Work, startup: StartupCost | null = null, other?: StartupCost): string {
	if (work !== 'cpu' && startup && (mode === 'processes' || mode === 'threads')) {
		const lanes = t(mode === 'processes' ? 'P lanes waiting' : 'W lanes waiting');
		const versus = other && other.kind !== startup.kind ? `, ${perWorkerText(other)}` : t(' to start');
		return `${lanes}; ${perWorkerText(startup)}${versus}; ≈ n·T/${mode === 'processes' ? 'P' : 'W'}`;
	}

	return t((work === 'cpu' ? CPU_LESSONS : MODE_LESSONS)[mode]);
}
