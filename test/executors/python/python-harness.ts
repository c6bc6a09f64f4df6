import {existsSync} from 'node:fs';
import {spawnSync} from 'node:child_process';
import type {Mode} from '../../../source/config/config.js';
import type {BusEvent} from '../../../source/events/events.js';
import {RUNNER_DIR} from '../../../source/executors/python/runner-path.js';
import {harness, type Harness} from '../harness.js';

/** The interpreter the Python tests run: CONCVIZ_PYTHON, else Debian's (it has requests and aiohttp). */
export const PYTHON = process.env['CONCVIZ_PYTHON'] ?? '/usr/bin/python3';

/** Why the Python tests are skipped here (no interpreter with requests and aiohttp), or false. */
export const SKIP: string | false = (() => {
	if (!existsSync(PYTHON) && !PYTHON.startsWith('python')) {
		return `no ${PYTHON}: the Python runner's tests are skipped`;
	}

	const run = spawnSync(PYTHON, [RUNNER_DIR, '--check', 'requests', 'aiohttp'], {encoding: 'utf8'});
	const missing = run.status === 0 ? (JSON.parse(run.stdout) as {missing: string[]}).missing : ['python'];
	return missing.length > 0 ? `${PYTHON} lacks ${missing.join(', ')}: the Python runner's tests are skipped` : false;
})();

if (SKIP) {
	process.stderr.write(`${SKIP}\n`);
}

export const MODES_SIX: readonly Mode[] = ['sequential', 'processes', 'threads', 'processes-threads', 'async', 'processes-async'];

/** A harness (test/executors/harness.ts) whose executor is the Python runner's. */
export const pythonHarness = (mode: Mode, baseUrl: string, overrides: Parameters<typeof harness>[2] = {}): Harness =>
	harness(mode, baseUrl, {runtime: 'python', python: PYTHON, ...overrides});

/** ms each worker spent in each state, replaying its state events up to `end`. */
export function stateTimes(events: readonly BusEvent[], end: number): Map<number, Record<string, number>> {
	const times = new Map<number, Record<string, number>>();
	const last = new Map<number, {state: string; t: number}>();
	const sorted = events.filter(event => event.type === 'state').sort((a, b) => a.t - b.t);
	const add = (worker: number, state: string, ms: number): void => {
		const row = times.get(worker) ?? {};
		row[state] = (row[state] ?? 0) + ms;
		times.set(worker, row);
	};

	for (const event of sorted) {
		if (event.type !== 'state') {
			continue;
		}

		const previous = last.get(event.worker);
		if (previous) {
			add(event.worker, previous.state, event.t - previous.t);
		}

		last.set(event.worker, {state: event.state, t: event.t});
	}

	for (const [worker, previous] of last) {
		add(worker, previous.state, Math.max(0, end - previous.t));
	}

	return times;
}
