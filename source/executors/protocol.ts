/**
 * The executor's wire protocol between the dispatcher (main thread) and its
 * lanes (worker threads, child processes, threads inside child processes).
 *
 * lane → parent: EventBatch (packed events), `want` (k more task ids),
 *                `stopped` (the lane ended and flushed everything), `died`
 *                (a child process reports one of its threads crashed).
 * parent → lane: `grant` (task ids, or done: no more will ever come),
 *                `pause`, `resume`, `stop` (abort in-flight tasks and end).
 * A child process relays its threads' wants upwards aggregated in one
 * `wants` message (flat pairs worker, k) and forwards their batches as is.
 */
import type {EventBatch} from '../events/events.js';
import type {WorkloadSpec} from '../workloads/workload.js';

/** The worker id of synthesised task-end events for tasks never handed out to any worker. */
export const UNASSIGNED_WORKER = -1;

/** Replacements of dead workers in one run, at most this many per worker (a worker that keeps dying is let go). */
export const LIVES_PER_WORKER = 3;

export type {LaneKind} from '../config/modes.js';
import type {LaneKind} from '../config/modes.js';

/** Everything a lane needs to run (structured-cloneable). */
export type LaneConfig = {
	readonly worker: number;
	readonly process: number;
	readonly thread: number;
	/** blocking: one task at a time (prefetching one); loop: up to `concurrency` in flight. */
	readonly kind: LaneKind;
	readonly concurrency: number;
	/** The lane sets `connections`: 1 for a blocking lane, `concurrency` for a loop. */
	readonly workload: Omit<WorkloadSpec, 'connections'>;
	/** Which CPU clock samples read: this thread's, or the whole process's (a child's main thread). */
	readonly cpuClock: 'thread' | 'process';
	/** Collect read buffers as bodies are read (lanes of lane processes, see workloads/collect.ts). */
	readonly collect?: boolean;
	/** The process's GIL (--gil in thread modes); absent otherwise. */
	readonly gilBuffer?: SharedArrayBuffer;
};

export type WantMessage = {readonly type: 'want'; readonly worker: number; readonly k: number};
export type WantsMessage = {readonly type: 'wants'; readonly wants: readonly number[]};
export type StoppedMessage = {readonly type: 'stopped'; readonly worker: number};
export type DiedMessage = {readonly type: 'died'; readonly worker: number; readonly code: number};
/** A lane job's first message on its port: the thread it runs on (taken by thread-lanes.ts, never forwarded). */
export type ThreadMessage = {readonly type: 'thread'; readonly worker: number; readonly threadId: number};
export type LaneMessage = EventBatch | WantMessage | WantsMessage | StoppedMessage | DiedMessage;

/** `urls`: each task's URL, when the tasks come from a --urls file (the workers never read the file). */
export type GrantMessage = {readonly type: 'grant'; readonly worker: number; readonly tasks: readonly number[]; readonly done: boolean; readonly urls?: readonly string[]};
export type ControlMessage =
	| GrantMessage
	| {readonly type: 'pause'}
	| {readonly type: 'resume'}
	| {readonly type: 'stop'};

/** How a lane talks to its parent, whatever carries it (MessagePort or IPC). */
export type LaneLink = {
	send(message: Exclude<LaneMessage, EventBatch>): void;
	sendBatch(batch: EventBatch): void;
	onControl(listener: (message: ControlMessage) => void): void;
};
