import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createBatcher, createEventBus} from '../../source/events/bus.js';
import {decodeBatch, encodeBatch, type BusEvent, type EventBatch} from '../../source/events/events.js';

const sample: BusEvent[] = [
	{type: 'worker-up', worker: 3, t: 1000.5, pid: 42, process: 1, thread: 2},
	{type: 'task-start', worker: 3, task: 7, t: 1001},
	{type: 'state', worker: 3, t: 1001.25, state: 'io'},
	{type: 'task-end', worker: 3, task: 7, t: 1101, outcome: 'failed', status: 500, bytes: 12, latencyMs: 100, reason: 'status 500'},
	{type: 'task-end', worker: 3, task: 8, t: 1102, outcome: 'completed', status: 200, bytes: 1024, latencyMs: 99, reason: ''},
	{type: 'sample', worker: 3, t: 1103, cpuMs: 3.5, elu: 0.25, inFlight: 9, rssBytes: 1e8},
	{type: 'worker-exit', worker: 3, t: 1200, code: 0},
	{type: 'tasks-end', worker: -1, t: 1201, outcome: 'cancelled', count: 3_999_990, reason: 'cancelled'},
];

test('a batch decodes to the events that were encoded, in order', () => {
	assert.deepEqual(decodeBatch(encodeBatch(sample)), sample);
});

test('the batcher sends at most maxEvents per batch and flushes the rest', () => {
	const batches: EventBatch[] = [];
	const batcher = createBatcher((b) => batches.push(b), {maxEvents: 3});
	for (const event of sample) {
		batcher.emit(event);
	}

	assert.deepEqual(batches.map((b) => b.count), [3, 3]);
	batcher.flush();
	assert.deepEqual(batches.map((b) => b.count), [3, 3, 2]);
	assert.deepEqual(batches.flatMap((b) => decodeBatch(b)), sample);
});

test('the batcher flushes on its timer when few events come', async () => {
	const batches: EventBatch[] = [];
	const batcher = createBatcher((b) => batches.push(b), {maxDelayMs: 5});
	batcher.emit(sample[1]!);
	assert.equal(batches.length, 0);
	await new Promise((resolve) => setTimeout(resolve, 30));
	assert.equal(batches.length, 1);
});

test('the bus hands subscribers decoded events in arrival order', () => {
	const bus = createEventBus();
	const seen: BusEvent[] = [];
	const off = bus.subscribe((events) => seen.push(...events));
	bus.receive(encodeBatch(sample.slice(0, 2)));
	bus.emit(sample.slice(2));
	off();
	bus.emit(sample);
	assert.deepEqual(seen, sample);
	assert.equal(bus.delivered, sample.length * 2);
});
