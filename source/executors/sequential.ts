import type {ExecutorOptions} from './executor.js';
import type {PoolExecutor} from './pool-executor.js';
import {createThreadPoolExecutor} from './thread-pool-executor.js';

/** One worker thread, one task at a time: each request waits for the previous one. */
export const createSequentialExecutor = (options: ExecutorOptions): PoolExecutor =>
	createThreadPoolExecutor(options, {threads: 1, kind: 'blocking', gil: false});
