import type {WorkerState} from '../events/events.js';
import type {InstantState, LaneSnapshot, LaneState} from './snapshot.js';

/** Closed slices kept per lane (the snapshot adds the slice in progress within this count). */
export const MAX_SLICES = 240;
/** An event loop whose utilisation is at least this is drawn as computing. */
const LOOP_COMPUTING_ELU = 0.5;

/** Ties between states in a slice go to the first of this order. */
const TIE_ORDER: readonly InstantState[] = ['dead', 'computing', 'gil', 'io', 'idle'];
const INDEX: Readonly<Record<InstantState, number>> = {computing: 0, io: 1, gil: 2, idle: 3, dead: 4};

/** One worker, as the reducer keeps it. Never mutated once built (drafts are copies). */
export type Lane = {
	readonly worker: number;
	readonly pid: number;
	readonly process: number;
	readonly thread: number;
	readonly upAt: number;
	readonly exitAt: number | null;
	readonly dead: boolean;
	/** The last 'state' event. */
	readonly reported: WorkerState;
	/** Runs an event loop with many tasks in flight: its state comes from utilisation and in-flight count. */
	readonly loop: boolean;
	readonly inFlight: number;
	readonly tasks: number;
	readonly elu: number | null;
	readonly cpu: number;
	readonly sampleAt: number | null;
	/** CPU ms summed since `cpuFrom` (the CPU share is taken over ≥ CPU_WINDOW_MS: thread clocks tick in ms steps). */
	readonly cpuSum: number;
	readonly cpuFrom: number | null;
	/** CPU ms of the samples taken once the run's first task was handed out (the run's mean comes from it). */
	readonly runCpuMs: number;
	/** Event-loop utilisation × ms, and the ms, over the samples taken once the run's first task was handed out. */
	readonly runEluMs: number;
	readonly runEluSpan: number;
	/** The state now, and since when it has been counted into `frame`. */
	readonly state: InstantState;
	readonly since: number;
	/** ms spent in each state (by INDEX) during the frame in progress. */
	readonly frame: readonly number[];
	/** ms spent busy (computing, io, gil) up to `since`. */
	readonly busyMs: number;
	readonly slices: readonly LaneState[];
	/** ms computing in the last closed frame (threads sharing one GIL: at most one of them computes a whole slice). */
	readonly lastCpuMs: number;
};

export type LaneDraft = {-readonly [K in keyof Lane]: Lane[K]} & {frame: number[]};

export function newLane(worker: number, t: number, loop: boolean): Lane {
	return {
		worker,
		pid: 0,
		process: 0,
		thread: 0,
		upAt: t,
		exitAt: null,
		dead: false,
		reported: 'idle',
		loop,
		inFlight: 0,
		tasks: 0,
		elu: null,
		cpu: 0,
		sampleAt: null,
		cpuSum: 0,
		cpuFrom: null,
		runCpuMs: 0,
		runEluMs: 0,
		runEluSpan: 0,
		state: 'idle',
		since: t,
		frame: [0, 0, 0, 0, 0],
		busyMs: 0,
		slices: [],
		lastCpuMs: 0,
	};
}

export const draftOf = (lane: Lane): LaneDraft => ({...lane, frame: [...lane.frame]});

const isBusy = (state: InstantState): boolean => state !== 'idle' && state !== 'dead';

/** The state the lane's inputs say it is in. */
function effective(lane: LaneDraft): InstantState {
	if (lane.dead) {
		return 'dead';
	}

	if (lane.exitAt !== null) {
		return 'idle';
	}

	if (!lane.loop) {
		return lane.reported;
	}

	if ((lane.elu ?? 0) >= LOOP_COMPUTING_ELU) {
		return 'computing';
	}

	return lane.inFlight > 0 ? 'io' : 'idle';
}

/** Count the time from `since` to t into the current state. Late events (t < since) add nothing. */
function advance(lane: LaneDraft, t: number): void {
	if (t > lane.since) {
		const dt = t - lane.since;
		lane.frame[INDEX[lane.state]] += dt;
		if (isBusy(lane.state)) {
			lane.busyMs += dt;
		}

		lane.since = t;
	}
}

/** Advance to t, apply a change to the lane's inputs, and recompute its state. */
export function update(lane: LaneDraft, t: number, change: (lane: LaneDraft) => void): void {
	advance(lane, t);
	change(lane);
	lane.state = effective(lane);
}

/** A slice computing and waiting for the GIL is 'split' when the smaller of the two is at least this share of the larger. */
const SPLIT_RATIO = 0.5;

/**
 * The state the lane spent most time in (ties: dead, computing, gil, io, idle); its current state if no time passed.
 * When that is computing or the GIL and the other of the two took at least SPLIT_RATIO of it, the slice is 'split'
 * (threads sharing one GIL each compute part of every slice: drawn █ they would all look parallel).
 */
function majority(frame: readonly number[], current: InstantState): LaneState {
	let best: InstantState = current;
	let bestMs = 0;
	for (const state of TIE_ORDER) {
		const ms = frame[INDEX[state]]!;
		if (ms > bestMs) {
			best = state;
			bestMs = ms;
		}
	}

	const cpu = frame[INDEX.computing]!;
	const gil = frame[INDEX.gil]!;
	const split = (best === 'computing' || best === 'gil') && Math.min(cpu, gil) > 0 && Math.min(cpu, gil) >= SPLIT_RATIO * Math.max(cpu, gil);
	return split ? 'split' : best;
}

/** Close the frame at t: one new slice, at most MAX_SLICES kept. */
export function closeFrame(lane: Lane, t: number): Lane {
	const d = draftOf(lane);
	advance(d, t);
	const slices = [...lane.slices, majority(d.frame, d.state)];
	d.slices = slices.length > MAX_SLICES ? slices.slice(-MAX_SLICES) : slices;
	d.lastCpuMs = d.frame[INDEX.computing]!;
	d.frame = [0, 0, 0, 0, 0];
	return d;
}

/** A worker's CPU share is measured over at least this long (samples come every ~100 ms, its clock ticks in ms). */
export const CPU_WINDOW_MS = 500;

/** The lane as the UI sees it at `clock`; once the run is over (`final`) its utilisation is the run's mean, not the last sample. */
export function laneSnapshot(lane: Lane, clock: number, final = false): LaneSnapshot {
	const until = Math.min(clock, lane.exitAt ?? clock);
	const open = Math.max(0, until - lane.since);
	const frame = [...lane.frame];
	frame[INDEX[lane.state]] += open;
	const busyMs = lane.busyMs + (isBusy(lane.state) ? open : 0);
	const lifetime = until - lane.upAt;
	return {
		worker: lane.worker,
		process: lane.process,
		thread: lane.thread,
		pid: lane.pid,
		slices: [...lane.slices.slice(-(MAX_SLICES - 1)), majority(frame, lane.state)],
		state: lane.state,
		tasks: lane.tasks,
		inFlight: lane.inFlight,
		busyRatio: lifetime > 0 ? Math.min(1, Math.max(0, busyMs / lifetime)) : 0,
		elu: final && lane.runEluSpan > 0 ? lane.runEluMs / lane.runEluSpan : lane.elu,
		// Once the run is over both are the run's means, over the same samples, so they can be set side by side.
		cpu: final && lane.runEluSpan > 0 ? lane.runCpuMs / lane.runEluSpan : lane.cpu,
	};
}
