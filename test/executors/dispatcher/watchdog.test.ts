import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {createLaneRecord, type LaneRecord} from '../../../source/executors/dispatcher/lane-record.js';
import type {LaneConfig} from '../../../source/executors/protocol.js';
import {startThreadLanes} from '../../../source/executors/lane/thread-lanes.js';
import {startWatchdog, watchdogOf} from '../../../source/executors/dispatcher/watchdog.js';
import {HUNG_SILENCE_MS} from '../../../source/executors/dispatcher/dispatcher.js';
import {withServer} from '../../helpers/server.js';
import {endsPerTask, harness, ofType, reasons} from '../harness.js';

const server = await withServer({latency: 50});
after(async () => {
	await server.close();
});

const watch = (lanes: LaneRecord[], hung: LaneRecord[]): (() => void) =>
	startWatchdog({lanes, silenceMs: 300, startMs: 600, watching: () => true, hung: lane => hung.push(lane)});

describe('the watchdog', () => {
	test('a lane that is up and silent past silenceMs is hung, once; a lane heard from is not', async () => {
		const [quiet, chatty] = [createLaneRecord(0), createLaneRecord(1)];
		quiet.up = true;
		chatty.up = true;
		const hung: LaneRecord[] = [];
		const stop = watch([quiet, chatty], hung);
		const talk = setInterval(() => {
			chatty.heardAt = Date.now();
		}, 50);
		await delay(650);
		clearInterval(talk);
		stop();
		assert.deepEqual(hung.map(lane => lane.worker), [0]);
	});

	test('a lane never up has startMs to come up; dead and stopped lanes are not watched', async () => {
		const [starting, dead, stopped] = [createLaneRecord(0), createLaneRecord(1), createLaneRecord(2)];
		dead.dead = true;
		stopped.up = true;
		stopped.stopped = true;
		const hung: LaneRecord[] = [];
		const stop = watch([starting, dead, stopped], hung);
		await delay(400);
		assert.equal(hung.length, 0, 'before startMs');
		await delay(600);
		stop();
		assert.deepEqual(hung.map(lane => lane.worker), [0]);
	});

	test('a stall of this thread itself (a long GC, a stopped process) forgives every lane', async () => {
		const lane = createLaneRecord(0);
		lane.up = true;
		const hung: LaneRecord[] = [];
		const stop = watch([lane], hung);
		const end = Date.now() + 1200;
		while (Date.now() < end) {
			// This thread is stalled: no tick, no message arrives.
		}

		await delay(150);
		stop();
		assert.deepEqual(hung, []);
	});

	test('the silence allowed grows with the longest CPU section (one kernel, or one per thread sharing the GIL)', () => {
		assert.equal(watchdogOf({cpuMs: 0, gil: false}, 2, 1).silenceMs, HUNG_SILENCE_MS);
		assert.equal(watchdogOf({cpuMs: 1000, gil: false}, 4, 4).silenceMs, HUNG_SILENCE_MS + 2000);
		assert.equal(watchdogOf({cpuMs: 1000, gil: true}, 4, 4).silenceMs, HUNG_SILENCE_MS + 8000);
		assert.ok(watchdogOf({cpuMs: 0, gil: false}, 256, 256).startMs > watchdogOf({cpuMs: 0, gil: false}, 2, 2).startMs);
	});
});

describe('a stopped lane process is hung: killed, its tasks failed as `worker hung`, replaced, and the run ends', () => {
	for (const mode of ['processes', 'processes-threads', 'processes-async'] as const) {
		test(`${mode}: kill -STOP of a lane process mid-run`, {timeout: 60_000}, async () => {
			const requests = {processes: 200, 'processes-threads': 300, 'processes-async': 400}[mode];
			const h = harness(mode, server.url, {requests, concurrency: 10, workers: 2, threads: 2});
			try {
				await h.executor.start();
				const victim = ofType(h.events, 'worker-up').find(event => event.worker === 0)!;
				const run = h.executor.run();
				await delay(300);
				process.kill(victim.pid, 'SIGSTOP');
				const totals = await run;
				assert.equal(totals.completed + totals.failed + totals.cancelled, requests);
				assert.ok((reasons(h.events).get('worker hung') ?? 0) >= 1, 'the stopped lane held a task in flight');
				assert.equal(totals.failed, reasons(h.events).get('worker hung'));
				const exit = ofType(h.events, 'worker-exit').find(event => event.worker === 0);
				assert.equal(exit?.code, 137);
				// Replaced as a dead worker is (replace.test.ts follows a newcomer; here the others may end the run first).
				assert.equal(h.executor.workers()[0]!.dead, false, 'replaced, not let go');
				const ends = endsPerTask(h.events);
				assert.ok(ends.size === requests && [...ends.values()].every(count => count === 1));
			} finally {
				try {
					process.kill(victim().pid, 'SIGCONT');
				} catch {}

				await h.executor.close();
			}

			function victim() {
				return ofType(h.events, 'worker-up').find(event => event.worker === 0)!;
			}
		});
	}
});

test('a wedged lane thread is terminated as hung, and told to the pool with reason `worker hung`', {timeout: 20_000}, async () => {
	const config: LaneConfig = {worker: 0, process: 0, thread: 0, kind: 'blocking', concurrency: 1, workload: {work: 'cpu', target: {kind: 'generated', baseUrl: server.url}, timeout: 1000, cpuUnits: 0}, cpuClock: 'thread'};
	const died: Array<{worker: number; reason: string | undefined}> = [];
	const lanes = startThreadLanes([config], {message() {}, died: (worker, _code, reason) => {
		died.push({worker, reason});
		return false;
	}}, new URL('../fixtures/wedge.worker.js', import.meta.url).href);
	try {
		await delay(300);
		lanes.hang(0);
		const until = Date.now() + 5000;
		while (died.length === 0 && Date.now() < until) {
			await delay(20);
		}

		assert.deepEqual(died, [{worker: 0, reason: 'worker hung'}]);
	} finally {
		await lanes.close();
	}
});
