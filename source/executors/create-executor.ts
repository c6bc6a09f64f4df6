import {createAsyncExecutor} from './async.js';
import type {ExecutorOptions} from './executor.js';
import type {PoolExecutor} from './pool-executor.js';
import {createProcessesAsyncExecutor} from './processes-async.js';
import {createProcessesThreadsExecutor} from './processes-threads.js';
import {createProcessesExecutor} from './processes.js';
import {createSequentialExecutor} from './sequential.js';
import {createThreadsExecutor} from './threads.js';

export type {DispatcherStats, PoolExecutor, WorkerInfo} from './pool-executor.js';
export {UNASSIGNED_WORKER} from './protocol.js';

/** The executor of one concurrency model. */
export function createExecutor(options: ExecutorOptions): PoolExecutor {
	switch (options.mode) {
		case 'sequential': {
			return createSequentialExecutor(options);
		}

		case 'processes': {
			return createProcessesExecutor(options);
		}

		case 'threads': {
			return createThreadsExecutor(options);
		}

		case 'processes-threads': {
			return createProcessesThreadsExecutor(options);
		}

		case 'async': {
			return createAsyncExecutor(options);
		}

		case 'processes-async': {
			return createProcessesAsyncExecutor(options);
		}
	}
}
