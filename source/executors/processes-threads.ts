import type {ExecutorOptions} from './executor.js';
import type {PoolExecutor} from './pool-executor.js';
import {createProcessPoolExecutor} from './process-pool-executor.js';

/** P child processes, each a piscina pool of `threads` threads, one task at a time each. */
export const createProcessesThreadsExecutor = (options: ExecutorOptions): PoolExecutor =>
	createProcessPoolExecutor(options, {processes: options.workers, threadsPerProcess: options.threads, threaded: true, kind: 'blocking'});
