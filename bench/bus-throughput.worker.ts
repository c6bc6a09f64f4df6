import {parentPort, workerData} from 'node:worker_threads';
import {createBatcher} from '../source/events/bus.js';
import {now} from '../source/events/events.js';
import {portLink} from '../source/executors/lane/links.js';

/**
 * Benchmark worker: on 'go', emits `eventsPerWorker` synthetic events
 * (task-start / task-end pairs) through the lanes' own Batcher → MessagePort
 * path, flushes, and posts 'done' on the control port.
 */
const {worker, eventsPerWorker} = workerData as {worker: number; eventsPerWorker: number};
const port = parentPort!;
const link = portLink(port);
const batcher = createBatcher(batch => {
	link.sendBatch(batch);
});

port.once('message', () => {
	const t = now();
	for (let i = 0; i < eventsPerWorker; i++) {
		const task = i >> 1;
		if ((i & 1) === 0) {
			batcher.emit({type: 'task-start', worker, task, t});
		} else {
			batcher.emit({type: 'task-end', worker, task, t, outcome: 'completed', status: 200, bytes: 1024, latencyMs: 1, reason: ''});
		}
	}

	batcher.flush();
	port.postMessage({type: 'done'});
});
