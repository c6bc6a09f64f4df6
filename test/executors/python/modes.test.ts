import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {withServer} from '../../helpers/server.js';
import {endsPerTask, maxInFlight, ofType, runToEnd, SMALL} from '../harness.js';
import {shapeOf} from '../../../source/executors/python/python-executor.js';
import {MODES_SIX, pythonHarness, SKIP} from './python-harness.js';

const server = await withServer({latency: 20});

describe('python runner: the six modes', {skip: SKIP}, () => {
	for (const mode of MODES_SIX) {
		test(`${mode}: every task starts once and ends once as completed, on the mode's lanes`, async () => {
			const h = pythonHarness(mode, server.url);
			try {
				const {totals} = await runToEnd(h);
				assert.equal(totals.completed, SMALL.requests);
				assert.equal(totals.completed + totals.failed + totals.cancelled, totals.requested);
				const {lanes, processes} = shapeOf(h.options);
				const ups = ofType(h.events, 'worker-up');
				assert.equal(ups.length, lanes);
				assert.deepEqual(new Set(ups.map(up => up.worker)), new Set(Array.from({length: lanes}, (_, i) => i)));
				const pids = new Set(ups.map(up => up.pid));
				assert.equal(pids.size, processes ? SMALL.workers : 1, 'lane processes');
				assert.ok(!pids.has(process.pid));
				const starts = ofType(h.events, 'task-start');
				assert.equal(starts.length, SMALL.requests);
				const ends = endsPerTask(h.events);
				assert.equal(ends.size, SMALL.requests);
				assert.ok([...ends.values()].every(n => n === 1));
				for (const end of ofType(h.events, 'task-end')) {
					assert.equal(end.status, 200);
					assert.equal(end.bytes, 1024);
					const start = starts.find(s => s.task === end.task)!;
					assert.equal(start.worker, end.worker);
					assert.ok(start.t <= end.t);
				}

				const loop = mode === 'async' || mode === 'processes-async';
				assert.ok(maxInFlight(h.events) <= (loop ? (processes ? SMALL.workers : 1) * SMALL.concurrency : lanes));
				if (loop) {
					assert.ok(maxInFlight(h.events) > lanes, 'a loop keeps many requests in flight');
				}
			} finally {
				await h.executor.close();
			}
		});
	}

	test('mixed work: GET then the kernel, on threads', async () => {
		const h = pythonHarness('threads', server.url, {cpuMs: 2, workload: {work: 'mixed'}});
		try {
			const {totals} = await runToEnd(h);
			assert.equal(totals.completed, SMALL.requests);
			const states = new Set(ofType(h.events, 'state').map(event => event.state));
			assert.ok(states.has('io'));
		} finally {
			await h.executor.close();
		}
	});
});
