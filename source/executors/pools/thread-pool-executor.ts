import {isEventBatch} from '../../events/events.js';
import {createGil} from '../../workloads/gil.js';
import {createDispatcher} from '../dispatcher/dispatcher.js';
import type {ExecutorOptions} from '../executor.js';
import {poolExecutor, type PoolExecutor} from './pool-executor.js';
import type {LaneConfig, LaneKind} from '../protocol.js';
import {startThreadLanes, type ThreadLanes} from '../lane/thread-lanes.js';
import {watchdogOf} from '../dispatcher/watchdog.js';

export type ThreadPoolShape = {
	/** Worker threads (lanes) in the pool. */
	readonly threads: number;
	readonly kind: LaneKind;
	/** Share one GIL between the pool's threads when options.gil is set. */
	readonly gil: boolean;
};

/**
 * Lanes on worker threads of this process (sequential, threads, async): a
 * piscina pool, one lane per thread, fed by the dispatcher on the main thread.
 * The main thread itself never runs a task.
 */
export function createThreadPoolExecutor(options: ExecutorOptions, shape: ThreadPoolShape): PoolExecutor {
	let lanes: ThreadLanes | undefined;
	const dispatcher = createDispatcher({
		requests: options.requests,
		workers: shape.threads,
		bus: options.bus,
		schedule: options.schedule,
		replaceDead: true,
		...watchdogOf(options, shape.threads, shape.threads),
		hung(worker) {
			lanes?.hang(worker);
		},
		...(options.urlsOf ? {urlsOf: options.urlsOf} : {}),
		send(worker, message) {
			lanes?.send(worker, message);
		},
		broadcast(message) {
			lanes?.broadcast(message);
		},
	});

	return poolExecutor(dispatcher, {
		spawn() {
			const gilBuffer = options.gil && shape.gil ? createGil().buffer : undefined;
			const configs: LaneConfig[] = Array.from({length: shape.threads}, (_, i) => ({
				worker: i,
				process: 0,
				thread: i,
				kind: shape.kind,
				concurrency: options.concurrency,
				workload: options.workload,
				cpuClock: 'thread',
				...(gilBuffer ? {gilBuffer} : {}),
			}));
			lanes = startThreadLanes(configs, {
				message(_worker, message) {
					if (isEventBatch(message)) {
						dispatcher.receive(message);
					} else {
						dispatcher.control(message);
					}
				},
				died(worker, code, reason) {
					return dispatcher.died(worker, code, reason);
				},
			});
		},
		async close() {
			if (lanes) {
				for (const worker of dispatcher.workers()) {
					dispatcher.died(worker.worker, 0);
				}

				await lanes.close();
			}
		},
	});
}
