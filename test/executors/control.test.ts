import assert from 'node:assert/strict';
import {setTimeout as delay} from 'node:timers/promises';
import {describe, test} from 'node:test';
import {MODES} from '../../source/config/config.js';
import {UNASSIGNED_WORKER} from '../../source/executors/create-executor.js';
import {withServer} from '../helpers/server.js';
import {bulkEnds, childPids, endsPerTask, harness, ofType} from './harness.js';

const server = await withServer({latency: 50});

describe('pause and resume', () => {
	test('pause stops new task-starts until resume; the run then completes', async () => {
		const h = harness('threads', server.url, {requests: 100});
		try {
			await h.executor.start();
			const run = h.executor.run();
			await delay(200);
			h.executor.pause();
			// In-flight tasks finish (≤ 50 ms), their events arrive (≤ 50 ms more).
			await delay(200);
			const startsAtPause = ofType(h.events, 'task-start').length;
			assert.ok(startsAtPause > 0 && startsAtPause < 100, `starts ${startsAtPause}`);
			await delay(400);
			assert.equal(ofType(h.events, 'task-start').length, startsAtPause, 'a task started while paused');
			const lanes = ofType(h.events, 'state').filter(event => event.state === 'idle');
			assert.ok(lanes.length > 0);
			h.executor.resume();
			const totals = await run;
			assert.equal(totals.completed, 100);
			assert.ok(ofType(h.events, 'task-start').length > startsAtPause);
		} finally {
			await h.executor.close();
		}
	});
});

describe('cancel mid-run', () => {
	for (const mode of MODES) {
		test(`${mode}: every task ends once, completed + failed + cancelled == requested, no child process left`, async () => {
			const requests = 400;
			const h = harness(mode, server.url, {requests});
			await h.executor.start();
			const run = h.executor.run();
			await delay(250);
			const cancelledAt = Date.now();
			h.executor.cancel();
			const totals = await run;
			assert.ok(Date.now() - cancelledAt < 1500, 'cancel took too long');
			assert.equal(totals.completed + totals.failed + totals.cancelled, requests);
			assert.ok(totals.completed > 0 && totals.cancelled > 0, JSON.stringify(totals));
			// Each id handed out ends once; the ids still queued end in one bulk event.
			const ends = endsPerTask(h.events);
			const bulk = bulkEnds(h.events);
			assert.ok([...ends.values()].every(count => count === 1), 'a task ended twice');
			assert.ok((bulk.get('cancelled') ?? 0) > 0, 'nothing left in the queue to cancel');
			assert.deepEqual([...bulk.keys()], ['cancelled']);
			assert.equal(ends.size + bulk.get('cancelled')!, requests);
			assert.ok(ofType(h.events, 'tasks-end').every(event => event.worker === UNASSIGNED_WORKER));
			const closedAt = Date.now();
			await h.executor.close();
			assert.ok(Date.now() - closedAt < 1500, 'close took too long');
			assert.deepEqual(childPids(), []);
		});
	}

	test('close() mid-run ends the run as cancelled and the workers within 1 s', async () => {
		const h = harness('processes-threads', server.url, {requests: 400});
		await h.executor.start();
		const run = h.executor.run();
		await delay(150);
		const closedAt = Date.now();
		await h.executor.close();
		assert.ok(Date.now() - closedAt < 1200);
		const totals = await run;
		assert.equal(totals.completed + totals.failed + totals.cancelled, 400);
		assert.deepEqual(childPids(), []);
	});

	test('cancel before run(): everything is cancelled', async () => {
		const h = harness('async', server.url, {requests: 10});
		try {
			await h.executor.start();
			h.executor.cancel();
			const totals = await h.executor.run();
			assert.deepEqual([totals.completed, totals.failed, totals.cancelled], [0, 0, 10]);
			assert.ok(Number.isNaN(totals.firstTaskAt));
		} finally {
			await h.executor.close();
		}
	});
});
