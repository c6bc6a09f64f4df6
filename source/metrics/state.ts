import {factsOf} from '../config/modes.js';
import type {BusEvent} from '../events/events.js';
import {endedCount, isTerminal, type RunInfo, type RunStatus, type StartupCost, type TaskCounts} from './snapshot.js';
import type {CpuState} from './cpu-history.js';
import type {Lane} from './lanes.js';
import type {LatencyRecorder} from './latency.js';
import type {RateState} from './rate.js';
import type {TaskSlices} from './task-slices.js';
import type {EndRing} from './throughput.js';

/**
 * Everything the reducer knows about one run. Immutable by convention —
 * reduce() returns a new state and never changes an old one — with one
 * exception: `latency`, the HDR histogram, is owned by the state and
 * recorded into in place (copying it per batch would cost more than the
 * run). So reduce each state once, and read latencies only via toSnapshot().
 * Memory is bounded whatever the number of tasks: counters, one record per
 * worker, a fixed ring of end counts, capped histories.
 */
export type MetricsState = TaskCounts & {
	readonly run: RunInfo;
	readonly cores: number;
	readonly status: RunStatus;
	/** The run-start action's time. */
	readonly createdAt: number;
	readonly startupMs: number | null;
	readonly startupAt: number | null;
	readonly startup: StartupCost | null;
	/** Time of the first done/cancelled/failed status. */
	readonly finishedAt: number | null;
	readonly firstStartAt: number | null;
	readonly lastEndAt: number | null;
	/** Paused time after the first task, ms, summed over the pauses that have ended. */
	readonly pausedMs: number;
	/** When the pause in progress began (null when not paused). */
	readonly pausedAt: number | null;
	readonly lanes: ReadonlyMap<number, Lane>;
	/** Owned by the state and mutated by reduce(): see above. */
	readonly latency: LatencyRecorder;
	/** The task view's recent tasks and their spans on a core (copied by the batch that changes them). */
	readonly taskSlices: TaskSlices;
	readonly failures: ReadonlyMap<string, number>;
	/** Completed and failed ends per bucket of event time (cancels are not throughput). */
	readonly ends: EndRing;
	/** Requests/s over the last second, as of the last frame. */
	readonly throughput: number;
	readonly throughputHistory: readonly number[];
	/** The bucket the throughput history has reached (exclusive), null before the first task. */
	readonly historyBucket: number | null;
	/** The run is over and its last point is in the history. */
	readonly historyClosed: boolean;
	readonly cpu: CpuState;
	/** Latest resident memory of each live process, by pid. */
	readonly rssByPid: ReadonlyMap<number, number>;
	readonly peakRssBytes: number;
	/**
	 * How far the picture trails the clock, ms. Batches from different
	 * workers arrive out of time order (each is up to one batch delay late),
	 * so with a lag events wait in `pending` and are applied in time order
	 * once the frame clock has passed them by lagMs. 0 applies them at once.
	 */
	readonly lagMs: number;
	/** --rate: the open model's schedule and what it measured; null in the closed model. */
	readonly rate: RateState | null;
	/** Batches received but not applied yet (lagMs > 0), as they came: bounded by lagMs worth of events. */
	readonly pending: readonly (readonly BusEvent[])[];
};

export {endedCount, isTerminal} from './snapshot.js';

/** The run is over: a final status, or every task has ended. Its clock and pictures then stop. */
export const isOver = (state: MetricsState): boolean =>
	isTerminal(state.status) || (state.run.requested > 0 && endedCount(state) >= state.run.requested);

/** The run's clock at t: t while it goes on, then the last task-end (or the final status). */
export function runClock(state: MetricsState, t: number): number {
	if (!isOver(state)) {
		return t;
	}

	return state.lastEndAt ?? state.finishedAt ?? t;
}

/** Async modes run event loops from the start; other lanes become loops when they hold more than one task. */
export const isLoopMode = (state: MetricsState): boolean => factsOf(state.run.mode).lane === 'loop';

/** Paused time inside [first task, the run's clock at t]: the pauses that ended, and the one in progress. */
export function pausedWithin(state: MetricsState, t: number): number {
	if (state.firstStartAt === null || state.pausedAt === null) {
		return state.pausedMs;
	}

	return state.pausedMs + Math.max(0, runClock(state, t) - Math.max(state.pausedAt, state.firstStartAt));
}

/** A pause begins at 'paused' and ends at any other status; only its time after the first task counts. */
export function pauses(state: MetricsState, status: RunStatus, t: number): Pick<MetricsState, 'pausedMs' | 'pausedAt'> {
	if (status === 'paused') {
		return {pausedMs: state.pausedMs, pausedAt: state.pausedAt ?? t};
	}

	if (state.pausedAt === null) {
		return state;
	}

	return {pausedMs: pausedWithin(state, t), pausedAt: null};
}
