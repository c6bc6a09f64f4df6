import {once} from 'node:events';
import {Worker} from 'node:worker_threads';
import {createEventBus} from '../source/events/bus.js';
import {isEventBatch} from '../source/events/events.js';

export type BusThroughput = {
	/** Events delivered (decoded) to the bus's subscriber. */
	readonly events: number;
	/** From 'go' to the last event delivered. */
	readonly ms: number;
	readonly eventsPerSecond: number;
};

/**
 * How many events per second the executors' event path carries: `workers`
 * real worker threads each emit `eventsPerWorker` events through a Batcher
 * and a MessagePort (buffer transferred) into an EventBus on this thread,
 * whose subscriber counts the decoded events. Thread start-up is not timed.
 */
export async function measureBusThroughput(options: {workers: number; eventsPerWorker: number}): Promise<BusThroughput> {
	const bus = createEventBus();
	let events = 0;
	bus.subscribe(delivered => {
		events += delivered.length;
	});
	const expected = options.workers * options.eventsPerWorker;
	const workers = Array.from({length: options.workers}, (_, worker) =>
		new Worker(new URL('bus-throughput.worker.js', import.meta.url), {workerData: {worker, eventsPerWorker: options.eventsPerWorker}}));
	try {
		await Promise.all(workers.map(async worker => once(worker, 'online')));
		let done = 0;
		const finished = new Promise<void>((resolve, reject) => {
			for (const worker of workers) {
				worker.on('error', reject);
				worker.on('message', (message: unknown) => {
					if (isEventBatch(message)) {
						bus.receive(message);
					} else if (++done === workers.length) {
						resolve();
					}
				});
			}
		});
		const start = performance.now();
		for (const worker of workers) {
			worker.postMessage('go');
		}

		await finished;
		const ms = performance.now() - start;
		if (events !== expected) {
			throw new Error(`bus delivered ${events} events of ${expected}`);
		}

		return {events, ms, eventsPerSecond: events / (ms / 1000)};
	} finally {
		await Promise.all(workers.map(async worker => worker.terminate()));
	}
}
