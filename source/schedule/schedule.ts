/**
 * The open model's timetable (--rate R): task i is due at t0 + i·1000/R ms,
 * whatever the answers (as wrk2 -R and oha -q do). Its latency counts from
 * that intended start; a task sent more than LATE_MS after it is late.
 */
export type Timetable = {
	/** Requests per second, in total. */
	readonly rate: number;
	readonly requests: number;
	/** Epoch ms of task 0's intended start. */
	readonly t0: number;
};

/** A task sent more than this long after its intended start counts as late (timers and message hops take a few ms). */
export const LATE_MS = 10;

export const intendedAt = (table: Timetable, task: number): number => table.t0 + (task * 1000) / table.rate;

/** How many tasks are due at t (task ids 0 … dueBy − 1). */
export function dueBy(table: Timetable, t: number): number {
	if (!(t >= table.t0)) {
		return 0;
	}

	return Math.min(table.requests, Math.floor(((t - table.t0) * table.rate) / 1000 + 1e-9) + 1);
}

/** The schedule of one run: its timetable, started when the run hands out its first task. */
export type Schedule = {
	readonly rate: number;
	readonly requests: number;
	/** NaN until start(). */
	readonly t0: number;
	start(t0: number): void;
	/** The timetable once started, undefined before. */
	readonly table: Timetable | undefined;
};

export function createSchedule(requests: number, rate: number): Schedule {
	let table: Timetable | undefined;
	return {
		rate,
		requests,
		get t0() {
			return table?.t0 ?? Number.NaN;
		},
		start(t0) {
			table ??= {rate, requests, t0};
		},
		get table() {
			return table;
		},
	};
}
