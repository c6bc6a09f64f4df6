/**
 * Chrome trace events (the Trace Event Format that ui.perfetto.dev and
 * chrome://tracing read): plain objects, times in µs from the trace's origin.
 * `M` metadata names tracks, `X` is a complete slice, `b`/`e` an async slice
 * (matched by cat + id, so slices overlapping on one thread do not nest),
 * `i` an instant, `C` a counter.
 */
export type TraceEvent = {
	readonly name: string;
	readonly ph: 'M' | 'X' | 'b' | 'e' | 'i' | 'C';
	readonly pid: number;
	readonly tid?: number;
	readonly ts?: number;
	readonly dur?: number;
	readonly cat?: string;
	readonly id?: string;
	readonly s?: 'g' | 'p' | 't';
	readonly args?: Readonly<Record<string, unknown>>;
};

/** Trace µs, rounded to the ns. */
export const micros = (ms: number): number => Math.round(ms * 1_000_000) / 1000;

export function processName(pid: number, name: string, sortIndex: number): TraceEvent[] {
	return [
		{name: 'process_name', ph: 'M', pid, args: {name}},
		{name: 'process_sort_index', ph: 'M', pid, args: {sort_index: sortIndex}},
	];
}

export function threadName(pid: number, tid: number, name: string, sortIndex: number): TraceEvent[] {
	return [
		{name: 'thread_name', ph: 'M', pid, tid, args: {name}},
		{name: 'thread_sort_index', ph: 'M', pid, tid, args: {sort_index: sortIndex}},
	];
}

export type TaskSlice = {
	readonly pid: number;
	readonly tid: number;
	/** Start and end, trace µs. */
	readonly ts: number;
	readonly end: number;
	/** Unique in the file (the run's id and the task's). */
	readonly id: string;
	readonly name: string;
	readonly cat: string;
	readonly args: Readonly<Record<string, unknown>>;
};

/** One complete event for a blocking lane (one task at a time). */
export const completeSlice = (slice: TaskSlice): TraceEvent => ({
	name: slice.name, ph: 'X', pid: slice.pid, tid: slice.tid, ts: slice.ts, dur: Math.max(0, slice.end - slice.ts), cat: slice.cat, args: slice.args,
});

/** A b/e pair for a loop lane (many tasks in flight on one thread). */
export const asyncSlice = (slice: TaskSlice): [TraceEvent, TraceEvent] => [
	{name: slice.name, ph: 'b', pid: slice.pid, tid: slice.tid, ts: slice.ts, cat: slice.cat, id: slice.id, args: slice.args},
	{name: slice.name, ph: 'e', pid: slice.pid, tid: slice.tid, ts: Math.max(slice.ts, slice.end), cat: slice.cat, id: slice.id},
];

export const instant = (name: string, pid: number, ts: number, args?: Record<string, unknown>, tid?: number): TraceEvent => ({
	name, ph: 'i', pid, ts, s: tid === undefined ? 'g' : 't', ...(tid === undefined ? {} : {tid}), ...(args ? {args} : {}),
});

export const counter = (name: string, pid: number, ts: number, args: Record<string, number>): TraceEvent => ({
	name, ph: 'C', pid, ts, args,
});
