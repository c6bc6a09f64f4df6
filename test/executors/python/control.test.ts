import assert from 'node:assert/strict';
import {setTimeout as delay} from 'node:timers/promises';
import {describe, test} from 'node:test';
import {withServer} from '../../helpers/server.js';
import {endsPerTask, ofType, reasons} from '../harness.js';
import {MODES_SIX, pythonHarness, SKIP} from './python-harness.js';

const server = await withServer({latency: 50});

describe('python runner: cancel, pause, a killed worker', {skip: SKIP}, () => {
	for (const mode of MODES_SIX) {
		test(`${mode}: cancel mid-run ends every task once, the rest cancelled`, async () => {
			const h = pythonHarness(mode, server.url, {requests: 2000});
			try {
				await h.executor.start();
				const running = h.executor.run();
				await delay(400);
				h.executor.cancel();
				const totals = await running;
				assert.equal(totals.completed + totals.failed + totals.cancelled, 2000);
				assert.ok(totals.cancelled > 0);
				assert.ok(totals.completed > 0);
				const ended = [...endsPerTask(h.events).values()];
				assert.ok(ended.every(n => n === 1));
				const bulk = ofType(h.events, 'tasks-end').reduce((sum, event) => sum + event.count, 0);
				assert.equal(ended.length + bulk, 2000);
			} finally {
				await h.executor.close();
			}
		});
	}

	test('threads: pause hands out nothing more; resume finishes the run', async () => {
		const h = pythonHarness('threads', server.url, {requests: 60});
		try {
			await h.executor.start();
			const running = h.executor.run();
			await delay(200);
			h.executor.pause();
			await delay(300);
			const startsAtPause = ofType(h.events, 'task-start').length;
			await delay(400);
			assert.equal(ofType(h.events, 'task-start').length, startsAtPause, 'no task started while paused');
			h.executor.resume();
			const totals = await running;
			assert.equal(totals.completed, 60);
		} finally {
			await h.executor.close();
		}
	});

	for (const mode of ['processes', 'processes-threads', 'processes-async'] as const) {
		test(`${mode}: a lane process killed -9 fails its tasks as worker died and is replaced; the sum holds`, async () => {
			// One in flight per loop, so processes-async is still running when its replacement comes up.
			const h = pythonHarness(mode, server.url, {requests: 120, ...(mode === 'processes-async' ? {concurrency: 1} : {})});
			try {
				await h.executor.start();
				const running = h.executor.run();
				await delay(400);
				const victim = ofType(h.events, 'worker-up')[0]!.pid;
				process.kill(victim, 'SIGKILL');
				const totals = await running;
				assert.equal(totals.completed + totals.failed + totals.cancelled, 120);
				assert.ok(totals.failed > 0, 'tasks in flight on the killed process failed');
				assert.deepEqual([...reasons(h.events).keys()], ['worker died']);
				assert.ok(ofType(h.events, 'worker-exit').some(event => event.code === 137));
				const ups = ofType(h.events, 'worker-up');
				assert.ok(ups.some(up => up.pid !== victim && up.t > ofType(h.events, 'worker-exit')[0]!.t), 'a replacement came up');
				assert.ok([...endsPerTask(h.events).values()].every(n => n === 1));
			} finally {
				await h.executor.close();
			}
		});
	}
});
