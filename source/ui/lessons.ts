import type {Mode} from '../config.js';

/** What to look for in each mode (DESIGN.md, the lesson table), short enough for 80 columns. */
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
