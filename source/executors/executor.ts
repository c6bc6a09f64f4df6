import type {RunConfig} from '../config/config.js';
import type {EventBus} from '../events/bus.js';
import type {Schedule} from '../schedule/schedule.js';
import type {WorkloadSpec} from '../workloads/workload.js';

/** The run's settings an executor reads (workers: processes or threads; threads: per process; concurrency: per loop). */
export type ExecutorOptions = Pick<RunConfig, 'mode' | 'requests' | 'workers' | 'threads' | 'concurrency' | 'gil'> & {
	/** What each worker builds its Workload from (connections is set per worker by the executor). */
	readonly workload: Omit<WorkloadSpec, 'connections'>;
	/** Each task's URL, sent with its grant, for a 'granted' target (a --urls file). */
	readonly urlsOf?: (tasks: readonly number[]) => string[];
	/** Every event of the run arrives here, in batches. */
	readonly bus: EventBus;
	/** --rate: the open model's schedule (absent: closed model, tasks as fast as lanes ask). */
	readonly schedule?: Schedule;
	/** CPU ms of a task's kernel (cpu and mixed work; 0 or absent for io): a lane's loop is blocked that long, which the watchdog allows. */
	readonly cpuMs?: number;
	/** --runtime python: the talk's programs run by this interpreter (source/python/); absent or node: Node's lanes. */
	readonly runtime?: 'node' | 'python';
	readonly python?: string;
};

export type RunTotals = {
	readonly requested: number;
	readonly completed: number;
	readonly failed: number;
	readonly cancelled: number;
	/** Epoch ms when the first task was handed out (NaN if none was). */
	readonly firstTaskAt: number;
	/** Epoch ms when the last task ended (NaN if none did). */
	readonly lastEndAt: number;
};

/**
 * One concurrency model. It only emits events on `options.bus`; it never
 * touches the UI. Every task ends exactly once (completed, failed or
 * cancelled), so completed + failed + cancelled == requested when run() resolves.
 */
export type Executor = {
	/** Start the pool; resolves when every worker has emitted worker-up. */
	start(): Promise<{startupMs: number}>;
	/** Hand out all tasks from one queue; resolves when every task has ended. */
	run(): Promise<RunTotals>;
	/** Stop handing out tasks (in-flight ones finish); the lanes go idle. */
	pause(): void;
	resume(): void;
	/** Abort in-flight tasks and count them, and all not yet handed out, as cancelled; run() then resolves. */
	cancel(): void;
	/** End every worker thread and process (within 1 s, killing what lingers). */
	close(): Promise<void>;
};
