import type {Outcome, StateEvent, TaskEndEvent, TaskStartEvent} from '../events/events.js';
import {MAX_SLICES} from './lanes.js';

/** Tasks the task view can show (the most recent ones started); more rows than any terminal has. */
export const TASK_ROWS = 64;
/** Run spans kept per task (a task's CPU sections: one for cpu and mixed work); past it, later ones are not kept. */
export const MAX_RUNS = 32;

/**
 * A task in one column of the lanes' time axis: `run` on a core at least half of its time there, `part` on a core
 * for less, `wait` in flight and not on a core (suspended at an await, waiting on I/O or the GIL), `none` not alive.
 */
export type TaskCell = 'run' | 'part' | 'wait' | 'none';

/** One task as the task view sees it. Times are epoch ms. */
export type TaskSnapshot = {
	readonly task: number;
	readonly worker: number;
	readonly start: number;
	/** null while in flight. */
	readonly end: number | null;
	readonly outcome: Outcome | null;
	/** [from, to] spans on a core; an open one ends at the snapshot's clock. */
	readonly runs: readonly (readonly [number, number])[];
	/** One cell per lane slice, aligned with the lanes' slices (the newest, in progress, last). */
	readonly cells: readonly TaskCell[];
};

type TaskRecord = {
	readonly task: number;
	readonly worker: number;
	readonly start: number;
	end: number | null;
	outcome: Outcome | null;
	/** Closed spans, [from, to] flat. */
	readonly runs: number[];
	/** Start of the span on a core in progress, null when none. */
	open: number | null;
};

/**
 * What the task view needs, bounded whatever the number of tasks: a ring of the TASK_ROWS tasks started last,
 * each blocking lane's task and whether it computes, and the frame cuts the lanes' slices end at.
 * A batch folds into a copy (copyTaskSlices: 64 small records), so a state once made never changes.
 */
export type TaskSlices = {
	/** The run's lanes are event loops: a task is on a core only in the CPU sections its lane marks (StateEvent.task). */
	readonly loop: boolean;
	readonly ring: (TaskRecord | undefined)[];
	next: number;
	readonly byId: Map<number, TaskRecord>;
	/** A blocking lane: its task in flight (-1: none) and whether it computes. */
	readonly lanes: Map<number, {task: number; computing: boolean}>;
	/** Times the lanes' closed slices end at, the last MAX_SLICES. */
	cuts: number[];
};

/** A copy to change (a batch's or a frame's), so that a state once made never changes (a replay seeks back to kept states). */
export function copyTaskSlices(s: TaskSlices): TaskSlices {
	const ring = s.ring.map((r) => (r ? {...r, runs: [...r.runs]} : undefined));
	const byId = new Map<number, TaskRecord>();
	for (const r of ring) {
		if (r) {
			byId.set(r.task, r);
		}
	}

	const lanes = new Map([...s.lanes].map(([worker, lane]) => [worker, {...lane}]));
	return {loop: s.loop, ring, next: s.next, byId, lanes, cuts: s.cuts};
}

export function createTaskSlices(loop: boolean): TaskSlices {
	return {loop, ring: Array.from({length: TASK_ROWS}), next: 0, byId: new Map(), lanes: new Map(), cuts: []};
}

function openRun(record: TaskRecord | undefined, t: number): void {
	if (record && record.end === null && record.open === null) {
		record.open = Math.max(t, record.start);
	}
}

function closeRun(record: TaskRecord | undefined, t: number): void {
	if (record?.open !== null && record?.open !== undefined) {
		if (record.runs.length < 2 * MAX_RUNS && t > record.open) {
			record.runs.push(record.open, t);
		}

		record.open = null;
	}
}

const laneOf = (s: TaskSlices, worker: number): {task: number; computing: boolean} => {
	let lane = s.lanes.get(worker);
	if (!lane) {
		lane = {task: -1, computing: false};
		s.lanes.set(worker, lane);
	}

	return lane;
};

export function taskStarted(s: TaskSlices, e: TaskStartEvent): void {
	const old = s.ring[s.next];
	if (old) {
		s.byId.delete(old.task);
	}

	const record: TaskRecord = {task: e.task, worker: e.worker, start: e.t, end: null, outcome: null, runs: [], open: null};
	s.ring[s.next] = record;
	s.next = (s.next + 1) % TASK_ROWS;
	s.byId.set(e.task, record);
	if (!s.loop) {
		const lane = laneOf(s, e.worker);
		lane.task = e.task;
		if (lane.computing) {
			openRun(record, e.t);
		}
	}
}

export function taskEnded(s: TaskSlices, e: TaskEndEvent): void {
	const record = s.byId.get(e.task);
	if (record && record.end === null) {
		closeRun(record, e.t);
		record.end = Math.max(e.t, record.start);
		record.outcome = e.outcome;
	}

	const lane = s.lanes.get(e.worker);
	if (lane?.task === e.task) {
		lane.task = -1;
	}
}

/** A lane's state (a blocking lane's task runs while it computes), or a loop task's CPU section. */
export function stateReported(s: TaskSlices, e: StateEvent): void {
	if (e.task !== undefined) {
		const record = s.byId.get(e.task);
		if (e.state === 'computing') {
			openRun(record, e.t);
		} else {
			closeRun(record, e.t);
		}

		return;
	}

	if (s.loop) {
		return;
	}

	const lane = laneOf(s, e.worker);
	lane.computing = e.state === 'computing';
	const record = lane.task >= 0 ? s.byId.get(lane.task) : undefined;
	if (lane.computing) {
		openRun(record, e.t);
	} else {
		closeRun(record, e.t);
	}
}

/** The lanes closed a slice at `cut`. */
export function frameClosed(s: TaskSlices, cut: number): TaskSlices {
	const cuts = [...s.cuts, cut];
	return {...s, cuts: cuts.length > MAX_SLICES ? cuts.slice(-MAX_SLICES) : cuts};
}

const overlap = (a: number, b: number, from: number, to: number): number => Math.max(0, Math.min(b, to) - Math.max(a, from));

/** The task in the column [a, b]. */
export function cellOf(start: number, end: number, runs: readonly (readonly [number, number])[], a: number, b: number): TaskCell {
	const alive = overlap(a, b, start, end);
	if (alive <= 0) {
		return start === end && start >= a && start < b ? 'wait' : 'none';
	}

	let ran = 0;
	for (const [from, to] of runs) {
		ran += overlap(a, b, Math.max(from, start), Math.min(to, end));
	}

	return ran >= 0.5 * alive ? 'run' : ran > 0 ? 'part' : 'wait';
}

function snapshotOf(r: TaskRecord, edges: readonly number[], clock: number): TaskSnapshot {
	const end = r.end ?? Math.max(r.start, clock);
	const runs: Array<readonly [number, number]> = [];
	for (let i = 0; i < r.runs.length; i += 2) {
		runs.push([r.runs[i]!, r.runs[i + 1]!]);
	}

	if (r.open !== null && end > r.open) {
		runs.push([r.open, end]);
	}

	const cells: TaskCell[] = [];
	for (let i = 0; i + 1 < edges.length; i++) {
		cells.push(edges[i + 1]! < r.start || edges[i]! > end ? 'none' : cellOf(r.start, end, runs, edges[i]!, edges[i + 1]!));
	}

	return {task: r.task, worker: r.worker, start: r.start, end: r.end, outcome: r.outcome, runs, cells};
}

/**
 * The tasks kept, oldest first, at `clock`: each with a cell per slice of the lanes' time axis, the closed
 * slices [cut, next cut] and the one in progress up to the clock. `from` begins the first slice.
 */
export function taskSnapshots(s: TaskSlices, clock: number, from: number): TaskSnapshot[] {
	const edges = [...(s.cuts.length === MAX_SLICES ? [] : [from]), ...s.cuts, Math.max(clock, s.cuts.at(-1) ?? from)];
	const out: TaskSnapshot[] = [];
	for (let k = 0; k < TASK_ROWS; k++) {
		const record = s.ring[(s.next + k) % TASK_ROWS];
		if (record) {
			out.push(snapshotOf(record, edges, clock));
		}
	}

	return out;
}
