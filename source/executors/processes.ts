import type {ExecutorOptions} from './executor.js';
import type {PoolExecutor} from './pool-executor.js';
import {createProcessPoolExecutor} from './process-pool-executor.js';

/** P child processes, one task at a time each (on the child's main thread). */
export const createProcessesExecutor = (options: ExecutorOptions): PoolExecutor =>
	createProcessPoolExecutor(options, {processes: options.workers, threadsPerProcess: 1, threaded: false, kind: 'blocking'});
