import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {ofType, runToEnd} from '../harness.js';
import {pythonHarness, SKIP, stateTimes} from './python-harness.js';
import {statesOf} from '../../../source/executors/python/thread-sampler.js';

const PROC = process.platform === 'linux';

/** Of the time the lanes spent in CPU work (computing or waiting for the GIL), the share waiting for the GIL. */
function gilShare(events: Parameters<typeof stateTimes>[0]): number {
	const end = Math.max(...ofType(events, 'task-end').map(event => event.t));
	let gil = 0;
	let computing = 0;
	for (const row of stateTimes(events, end).values()) {
		gil += row['gil'] ?? 0;
		computing += row['computing'] ?? 0;
	}

	return gil / Math.max(1, gil + computing);
}

describe('python runner: the real GIL, from /proc', {skip: SKIP || (!PROC && 'no /proc here')}, () => {
	test('CPU work on 4 threads of one process: the lanes mostly wait for the GIL', async () => {
		const h = pythonHarness('threads', 'http://127.0.0.1:9', {requests: 80, workers: 4, cpuMs: 20, workload: {work: 'cpu'}});
		try {
			const {totals} = await runToEnd(h);
			assert.equal(totals.completed, 80);
			const share = gilShare(h.events);
			assert.ok(share > 0.4, `GIL share ${share.toFixed(2)} (one thread of four runs at a time)`);
		} finally {
			await h.executor.close();
		}
	});

	test('CPU work on 2 processes: hardly any wait for a GIL', async () => {
		const h = pythonHarness('processes', 'http://127.0.0.1:9', {requests: 40, workers: 2, cpuMs: 20, workload: {work: 'cpu'}});
		try {
			const {totals} = await runToEnd(h);
			assert.equal(totals.completed, 40);
			const share = gilShare(h.events);
			assert.ok(share < 0.25, `GIL share ${share.toFixed(2)} (each process has its own)`);
			assert.ok(ofType(h.events, 'state').some(event => event.state === 'computing'));
		} finally {
			await h.executor.close();
		}
	});

	test('a window in CPU work: on a CPU or ready for one is computing, the rest is the GIL', () => {
		const from = {t: 0, runMs: 0, waitMs: 0, name: 'cz-cpu'};
		assert.deepEqual(statesOf(from, {t: 20, runMs: 4, waitMs: 1, name: 'cz-cpu'}), [{t: 0, state: 'computing'}, {t: 5, state: 'gil'}]);
		assert.deepEqual(statesOf(from, {t: 20, runMs: 20, waitMs: 0, name: 'cz-cpu'}), [{t: 0, state: 'computing'}]);
		assert.deepEqual(statesOf(from, {t: 20, runMs: 0, waitMs: 0, name: 'cz-io'}), [{t: 0, state: 'io'}]);
		assert.deepEqual(statesOf(from, {t: 20, runMs: 0, waitMs: 0, name: 'python3'}), []);
	});
});
