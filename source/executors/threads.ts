import type {ExecutorOptions} from './executor.js';
import type {PoolExecutor} from './pool-executor.js';
import {createThreadPoolExecutor} from './thread-pool-executor.js';

/** W worker threads (piscina), one task at a time each; --gil makes them share one lock. */
export const createThreadsExecutor = (options: ExecutorOptions): PoolExecutor =>
	createThreadPoolExecutor(options, {threads: options.workers, kind: 'blocking', gil: true});
