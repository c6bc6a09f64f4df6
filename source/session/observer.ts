import type {BusEvent} from '../events/events.js';
import type {RunInfo, RunResult, Snapshot} from '../metrics/snapshot.js';
import type {MetricsAction} from '../metrics/reducer.js';
import type {ClientCost} from '../model/client-cost.js';
import type {Calibration} from '../workloads/cpu.js';

/**
 * Something that watches a session beside the reducer (the tracer of
 * --trace): every run's start and end, every batch of the run's event bus,
 * every frame's snapshot, and the user's pauses. It only reads.
 */
export type SessionObserver = {
	runStarted(info: RunInfo, t: number): void;
	events(events: readonly BusEvent[]): void;
	frame(snapshot: Snapshot): void;
	paused(paused: boolean, t: number): void;
	runEnded(result: RunResult | undefined, t: number): void;
};

/** A run as it starts: what its reducer's first state is made of, and what its result adds. */
export type RunStart = {
	readonly info: RunInfo;
	readonly t: number;
	readonly cores: number;
	readonly lagMs: number;
	readonly calibration: Calibration | undefined;
	readonly clientCost: ClientCost | undefined;
};

/** Sees every run's start and every action its reducer folds, in order (--save keeps them). It only reads. */
export type RunTap = {
	started(start: RunStart): void;
	action(run: number, action: MetricsAction): void;
};
