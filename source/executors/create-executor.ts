import {factsOf, isThreaded} from '../config/modes.js';
import type {ExecutorOptions} from './executor.js';
import type {PoolExecutor} from './pools/pool-executor.js';
import {createProcessPoolExecutor} from './pools/process-pool-executor.js';
import {createThreadPoolExecutor} from './pools/thread-pool-executor.js';
import {createPythonExecutor} from './python/python-executor.js';

export type {DispatcherStats, PoolExecutor, WorkerInfo} from './pools/pool-executor.js';
export {UNASSIGNED_WORKER} from './protocol.js';

/**
 * The executor of one concurrency model, from its record in the mode table:
 * worker threads of this process (one, or W), or P child processes (each one
 * lane, a loop, or Th threads).
 */
export function createExecutor(options: ExecutorOptions): PoolExecutor {
	if (options.runtime === 'python') {
		return createPythonExecutor({...options, python: options.python ?? 'python3'});
	}

	const facts = factsOf(options.mode);
	const threaded = isThreaded(facts);
	if (facts.pool === 'threads') {
		return createThreadPoolExecutor(options, {threads: threaded ? options.workers : 1, kind: facts.lane, gil: threaded});
	}

	return createProcessPoolExecutor(options, {
		processes: options.workers,
		threadsPerProcess: threaded ? options.threads : 1,
		threaded,
		kind: facts.lane,
	});
}
