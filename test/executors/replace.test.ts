import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {after, describe, test} from 'node:test';
import type {LaneConfig, LaneMessage} from '../../source/executors/protocol.js';
import {startThreadLanes} from '../../source/executors/lane/thread-lanes.js';
import {withServer} from '../helpers/server.js';
import {endsPerTask, harness, ofType, reasons} from './harness.js';

const server = await withServer({latency: 50});

describe('a dead worker is replaced, under the same id, while the run goes on', () => {
	for (const mode of ['processes', 'processes-threads', 'processes-async'] as const) {
		test(`${mode}: kill -9 of a lane process mid-run → worker-exit, a new worker-up (new pid), the newcomer runs tasks, every task ends once`, async () => {
			const requests = mode === 'processes-async' ? 400 : 80;
			const h = harness(mode, server.url, {requests, concurrency: 10});
			try {
				await h.executor.start();
				const victim = ofType(h.events, 'worker-up').find(event => event.worker === 0)!;
				const run = h.executor.run();
				await delay(300);
				process.kill(victim.pid, 'SIGKILL');
				const totals = await run;
				assert.equal(totals.completed + totals.failed + totals.cancelled, requests);
				assert.equal(totals.failed, reasons(h.events).get('worker died') ?? 0);
				const exit = ofType(h.events, 'worker-exit').find(event => event.worker === 0);
				assert.equal(exit?.code, 137);
				const newcomer = ofType(h.events, 'worker-up').find(event => event.worker === 0 && event.t > exit!.t);
				assert.ok(newcomer, 'no replacement came up');
				assert.notEqual(newcomer.pid, victim.pid);
				assert.ok(ofType(h.events, 'task-end').some(event => event.worker === 0 && event.t > newcomer.t && event.outcome === 'completed'), 'the newcomer ran no task');
				const ends = endsPerTask(h.events);
				assert.ok(ends.size === requests && [...ends.values()].every(count => count === 1));
				assert.equal(h.executor.workers()[0]!.dead, false);
				// Ordering: the dead worker's failures come before its newcomer's first start.
				const firstStart = ofType(h.events, 'task-start').find(event => event.worker === 0 && event.t > exit!.t)!;
				assert.ok(firstStart.t >= newcomer.t);
			} finally {
				await h.executor.close();
			}
		});
	}

	test('a worker thread whose lane throws gets a new lane job (piscina replaces the thread) when died() says so', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'concviz-crash-once-'));
		after(() => rmSync(dir, {recursive: true, force: true}));
		process.env['CRASH_ONCE_DIR'] = dir;
		const hellos: Array<{worker: number; threadId: number}> = [];
		const deaths: number[] = [];
		const configs = [0, 1].map(worker => ({worker}) as unknown as LaneConfig);
		const lanes = startThreadLanes(configs, {
			message(_worker, message: LaneMessage) {
				hellos.push(message as unknown as {worker: number; threadId: number});
			},
			died(worker) {
				deaths.push(worker);
				return worker === 0;
			},
		}, new URL('fixtures/crash-once.worker.js', import.meta.url).href);
		try {
			for (let i = 0; i < 100 && (deaths.length < 2 || hellos.length < 1); i++) {
				await delay(50);
			}

			await delay(200);
			assert.deepEqual(deaths.sort(), [0, 1]);
			assert.deepEqual(hellos.map(hello => hello.worker), [0], 'only the replaced worker started again');
		} finally {
			await lanes.close();
		}
	});
});
