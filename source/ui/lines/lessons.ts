import type {Mode, Work} from '../../config/config.js';
import type {StartupCost} from '../../metrics/snapshot.js';
import {bytes, duration} from '../text/format.js';
import {t} from '../../i18n/catalogue.js';

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

/** What to look for in a mode, before its run starts (the hint under the lanes, ui/hint.ts, takes over from the run's figures). */
export function lessonOf(mode: Mode, work: Work): string {
	return t((work === 'cpu' ? CPU_LESSONS : MODE_LESSONS)[mode]);
}
