import {test} from 'node:test';
import assert from 'node:assert/strict';
import {once} from 'node:events';
import {Worker} from 'node:worker_threads';
import {createGil} from '../../source/workloads/gil.js';

const worker = new URL('fixtures/gil-counter.worker.js', import.meta.url);

test('two worker threads incrementing a shared non-atomic counter under the GIL end with the exact count', async () => {
	const gil = createGil();
	const counterBuffer = new SharedArrayBuffer(8);
	const ready = new SharedArrayBuffer(4);
	const rounds = 100_000;
	const threads = [0, 1].map(() => new Worker(worker, {workerData: {gilBuffer: gil.buffer, counterBuffer, rounds, ready}}));
	await Promise.all(threads.map(async thread => {
		const [message] = (await once(thread, 'message')) as [string];
		assert.equal(message, 'done');
		await thread.terminate();
	}));
	assert.equal(new Int32Array(counterBuffer)[0], 2 * rounds);
	const cells = new Int32Array(gil.buffer);
	assert.equal(cells[0], cells[1], 'every ticket taken was served');
});

test('createGil(buffer) shares the lock; an uncontended acquire does not block', () => {
	const first = createGil();
	const second = createGil(first.buffer);
	assert.equal(second.buffer, first.buffer);
	first.acquire();
	first.release();
	second.acquire();
	second.release();
	assert.deepEqual([...new Int32Array(first.buffer)], [2, 2]);
	assert.throws(() => createGil(new SharedArrayBuffer(4)), RangeError);
});
