import type {Outcome, WorkerState} from '../events/events.js';
import type {Work} from '../config/config.js';

/**
 * Where task i goes: the embedded server (`${baseUrl}/r/${i}`), urls[i % urls.length],
 * or the URL granted with the task (a --urls file, read by the main process as tasks are handed out).
 */
export type TaskTarget =
	| {readonly kind: 'generated'; readonly baseUrl: string}
	| {readonly kind: 'list'; readonly urls: readonly string[]}
	| {readonly kind: 'granted'};

export type WorkloadSpec = {
	readonly work: Work;
	readonly target: TaskTarget;
	/** Per-request timeout, ms. */
	readonly timeout: number;
	/** Kernel size for one task, from calibrateCpu(); ignored for io. */
	readonly cpuUnits: number;
	/** Connections per origin (1 for a blocking worker, the concurrency for an event loop). */
	readonly connections: number;
};

export type TaskResult = {
	readonly outcome: Outcome;
	readonly status: number;
	readonly bytes: number;
	readonly reason: string;
};

/** A mutual exclusion shared by the threads of one process (the --gil simulation). */
export type Gil = {
	acquire(): void;
	release(): void;
};

/**
 * One worker's workload. `run` performs task i and reports the lane's state
 * through `setState` ('io' while waiting on the network, 'gil' while waiting
 * for the GIL, 'computing' while the CPU kernel runs). It never throws: a
 * failure is a TaskResult with outcome 'failed' and a short reason.
 * `cancel` ends every task in flight (a running CPU kernel is never
 * interrupted) and every later one with outcome 'cancelled'.
 */
export type Workload = {
	run(task: number, setState: (state: WorkerState) => void, url?: string): Promise<TaskResult>;
	cancel(): void;
	close(): Promise<void>;
};
