import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {createEventBus} from '../../../source/events/bus.js';
import {encodeBatch, type BusEvent} from '../../../source/events/events.js';
import {createDispatcher} from '../../../source/executors/dispatcher/dispatcher.js';
import type {ControlMessage, GrantMessage} from '../../../source/executors/protocol.js';
import {UNASSIGNED_WORKER} from '../../../source/executors/protocol.js';
import {endsPerTask, ofType} from '../harness.js';

function setup(requests: number, workers: number, replaceDead = false) {
	const bus = createEventBus();
	const events: BusEvent[] = [];
	bus.subscribe(batch => {
		events.push(...batch);
	});
	const sent: Array<[number, ControlMessage]> = [];
	const broadcasts: ControlMessage[] = [];
	const dispatcher = createDispatcher({
		requests,
		workers,
		bus,
		replaceDead,
		send(worker, message) {
			sent.push([worker, message]);
		},
		broadcast(message) {
			broadcasts.push(message);
		},
	});
	const grants = (worker: number): GrantMessage[] =>
		sent.filter(([w, m]) => w === worker && m.type === 'grant').map(([, m]) => m as GrantMessage);
	const feed = (...batch: BusEvent[]): void => {
		dispatcher.receive(encodeBatch(batch));
	};

	const up = (worker: number): void => {
		feed({type: 'worker-up', worker, t: 1, pid: 100 + worker, process: worker, thread: 0});
	};

	const start = (worker: number, task: number, t = 2): void => {
		feed({type: 'task-start', worker, task, t});
	};

	const end = (worker: number, task: number, t = 3): void => {
		feed({type: 'task-end', worker, task, t, outcome: 'completed', status: 200, bytes: 1, latencyMs: 1, reason: ''});
	};

	return {dispatcher, events, sent, broadcasts, grants, feed, up, start, end};
}

describe('dispatcher', () => {
	test('grants only after run(), from one queue, as many as asked', async () => {
		const d = setup(5, 2);
		d.up(0);
		d.up(1);
		assert.equal(await d.dispatcher.up(), 1);
		d.dispatcher.control({type: 'want', worker: 0, k: 2});
		assert.equal(d.grants(0).length, 0);
		const run = d.dispatcher.run();
		assert.deepEqual(d.grants(0)[0]!.tasks, [0, 1]);
		d.dispatcher.control({type: 'wants', wants: [1, 2]});
		assert.deepEqual(d.grants(1)[0]!.tasks, [2, 3]);
		d.dispatcher.control({type: 'want', worker: 1, k: 2});
		assert.deepEqual(d.grants(1)[1]!.tasks, [4]);
		for (const [worker, task] of [[0, 0], [0, 1], [1, 2], [1, 3], [1, 4]] as const) {
			d.start(worker, task);
			d.end(worker, task);
		}

		const totals = await run;
		assert.equal(totals.completed, 5);
		assert.ok(d.grants(0).at(-1)!.done && d.grants(1).at(-1)!.done);
	});

	test('a lane asking for more than its fair share gets its share, and is served again as its tasks end', async () => {
		const d = setup(12, 2);
		d.up(0);
		d.up(1);
		await d.dispatcher.up();
		d.dispatcher.control({type: 'want', worker: 0, k: 1000});
		void d.dispatcher.run();
		assert.deepEqual(d.grants(0)[0]!.tasks, [0, 1, 2, 3, 4, 5], 'half of the 12 for the first of 2 lanes');
		d.dispatcher.control({type: 'want', worker: 0, k: 994});
		assert.equal(d.grants(0).length, 1, 'a lane holding its share waits');
		d.dispatcher.control({type: 'want', worker: 1, k: 2});
		assert.deepEqual(d.grants(1)[0]!.tasks, [6, 7]);
		d.feed(...[0, 1, 2, 3, 4, 5].flatMap(task => [
			{type: 'task-start', worker: 0, task, t: 2} as const,
			{type: 'task-end', worker: 0, task, t: 3, outcome: 'completed', status: 200, bytes: 1, latencyMs: 1, reason: ''} as const,
		]));
		// 4 queued + 2 held by lane 1 over 2 lanes: lane 0 may hold 3.
		assert.deepEqual(d.grants(0)[1]!.tasks, [8, 9, 10]);
	});

	test('pause parks wants until resume', async () => {
		const d = setup(3, 1);
		d.up(0);
		void d.dispatcher.run();
		d.dispatcher.pause();
		d.dispatcher.control({type: 'want', worker: 0, k: 2});
		assert.equal(d.grants(0).length, 0);
		d.dispatcher.resume();
		assert.deepEqual(d.grants(0)[0]!.tasks, [0, 1]);
		assert.deepEqual(d.broadcasts.map(m => m.type), ['pause', 'resume']);
	});

	test('a dead worker: started ids fail, unstarted ones are requeued, late events are dropped', async () => {
		const d = setup(3, 2);
		d.up(0);
		d.up(1);
		const run = d.dispatcher.run();
		d.dispatcher.control({type: 'want', worker: 0, k: 2});
		d.start(0, 0);
		d.dispatcher.died(0, 137);
		d.end(0, 0);
		d.start(0, 1);
		d.dispatcher.control({type: 'want', worker: 1, k: 2});
		assert.deepEqual(d.grants(1)[0]!.tasks, [1, 2]);
		for (const task of [1, 2]) {
			d.start(1, task);
			d.end(1, task);
		}

		const totals = await run;
		assert.deepEqual([totals.completed, totals.failed, totals.cancelled], [2, 1, 0]);
		assert.deepEqual(ofType(d.events, 'worker-exit').map(e => [e.worker, e.code]), [[0, 137]]);
		assert.ok([...endsPerTask(d.events).values()].every(count => count === 1));
		assert.equal(ofType(d.events, 'task-start').filter(e => e.worker === 0).length, 1);
	});

	test('replaceDead: a dead worker that had come up is revived under its id; its newcomer is served; one that never came up is not', async () => {
		const d = setup(6, 2, true);
		d.up(0);
		d.up(1);
		const run = d.dispatcher.run();
		d.dispatcher.control({type: 'want', worker: 0, k: 2});
		d.start(0, 0);
		assert.equal(d.dispatcher.died(0, 137), true);
		assert.equal(d.dispatcher.workers()[0]!.dead, false);
		d.up(0);
		d.dispatcher.control({type: 'want', worker: 0, k: 1});
		assert.deepEqual(d.grants(0)[1]!.tasks, [1]);
		assert.equal(d.dispatcher.died(0, 1), true, 'up again, so replaced again');
		assert.equal(d.dispatcher.died(0, 1), false, 'never came up: let go');
		d.dispatcher.control({type: 'want', worker: 1, k: 5});
		for (const task of d.grants(1).flatMap(grant => grant.tasks)) {
			d.start(1, task);
			d.end(1, task);
		}

		const totals = await run;
		assert.deepEqual([totals.completed, totals.failed, totals.cancelled], [5, 1, 0]);
		assert.ok([...endsPerTask(d.events).values()].every(count => count === 1));
		assert.deepEqual(ofType(d.events, 'worker-exit').map(e => e.worker), [0, 0, 0]);
	});

	test('when every worker is dead the rest fails as worker died', async () => {
		const d = setup(4, 1);
		d.up(0);
		const run = d.dispatcher.run();
		d.dispatcher.control({type: 'want', worker: 0, k: 2});
		d.start(0, 0);
		d.end(0, 0);
		d.dispatcher.died(0, 1);
		const totals = await run;
		assert.deepEqual([totals.completed, totals.failed, totals.cancelled], [1, 3, 0]);
		assert.ok(ofType(d.events, 'task-end').filter(e => e.outcome === 'failed').every(e => e.reason === 'worker died'));
	});

	test('cancel stops workers, waits for them, then ends the rest as cancelled, once each', async () => {
		const d = setup(100_000, 1);
		d.up(0);
		const run = d.dispatcher.run();
		d.dispatcher.control({type: 'want', worker: 0, k: 2});
		d.start(0, 0);
		const cancelled = d.dispatcher.cancel();
		assert.deepEqual(d.broadcasts.map(m => m.type), ['stop']);
		d.feed({type: 'task-end', worker: 0, task: 0, t: 5, outcome: 'cancelled', status: 0, bytes: 0, latencyMs: 3, reason: 'cancelled'});
		d.dispatcher.control({type: 'stopped', worker: 0});
		await cancelled;
		const totals = await run;
		assert.deepEqual([totals.completed, totals.failed, totals.cancelled], [0, 0, 100_000]);
		const ends = ofType(d.events, 'task-end');
		assert.deepEqual(ends.map(e => [e.task, e.worker, e.outcome]), [[0, 0, 'cancelled'], [1, 0, 'cancelled']], 'started; granted, never started');
		// The 99,998 ids still queued end in one event, not one each.
		assert.deepEqual(ofType(d.events, 'tasks-end').map(e => [e.worker, e.outcome, e.count, e.reason]), [[UNASSIGNED_WORKER, 'cancelled', 99_998, 'cancelled']]);
	});
});
