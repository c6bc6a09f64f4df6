import type {Mode, Work} from '../config/config.js';

/** What to look for in each mode (docs/architecture.md, "Facts about a mode"), short enough for 80 columns. */
export const MODE_LESSONS: Readonly<Record<Mode, string>> = {
	sequential: 'one lane, mostly ░ waiting; CPU near zero; time ≈ n·T',
	processes: 'P lanes, each still waiting; pool start-up shown; ≈ n·T/P',
	threads: "W lanes; start-up far below processes'; time ≈ n·T/W",
	'processes-threads': 'P×Th lanes grouped by process; time ≈ n·T/(P·Th)',
	async: 'one busy lane, hundreds in flight; ≈ n·T/C till CPU-bound',
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

export const lessonOf = (mode: Mode, work: Work): string => (work === 'cpu' ? CPU_LESSONS : MODE_LESSONS)[mode];
