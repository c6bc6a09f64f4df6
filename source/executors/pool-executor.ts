import type {DispatcherStats} from './dispatcher.js';
import type {Executor} from './executor.js';
import type {WorkerInfo} from './lane-record.js';

export type {WorkerInfo} from './lane-record.js';
export type {DispatcherStats} from './dispatcher.js';

/** An Executor that can also list its workers (ids, pids, process and thread indexes, up / dead). */
export type PoolExecutor = Executor & {
	workers(): WorkerInfo[];
	/** Messages the main thread handled so far (batches in, wants in, grants out). */
	stats(): DispatcherStats;
};
