import type {ExecutorOptions} from './executor.js';
import type {PoolExecutor} from './pool-executor.js';
import {createProcessPoolExecutor} from './process-pool-executor.js';

/** P child processes, each one event loop (its main thread) with up to `concurrency` in flight. */
export const createProcessesAsyncExecutor = (options: ExecutorOptions): PoolExecutor =>
	createProcessPoolExecutor(options, {processes: options.workers, threadsPerProcess: 1, threaded: false, kind: 'loop'});
