import type {ExecutorOptions} from './executor.js';
import type {PoolExecutor} from './pool-executor.js';
import {createThreadPoolExecutor} from './thread-pool-executor.js';

/** One event loop (on its own worker thread) with up to `concurrency` tasks in flight. */
export const createAsyncExecutor = (options: ExecutorOptions): PoolExecutor =>
	createThreadPoolExecutor(options, {threads: 1, kind: 'loop', gil: false});
