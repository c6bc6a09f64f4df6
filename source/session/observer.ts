import type {BusEvent} from '../events/events.js';
import type {RunInfo, RunResult, Snapshot} from '../metrics/snapshot.js';

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


export type {RunStart, RunTap} from '../run/tap.js';
