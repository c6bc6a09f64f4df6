import assert from 'node:assert/strict';
import {setTimeout as delay} from 'node:timers/promises';
import {test} from 'node:test';
import {createEventBus} from '../../source/events/bus.js';
import {encodeBatch, now, type BusEvent} from '../../source/events/events.js';
import {createDispatcher} from '../../source/executors/dispatcher/dispatcher.js';
import type {GrantMessage} from '../../source/executors/protocol.js';
import {createSchedule, intendedAt} from '../../source/schedule/schedule.js';

/** A dispatcher on a schedule, with fake lanes: grants are recorded with the time they were sent. */
function scheduled(requests: number, workers: number, rate: number) {
	const schedule = createSchedule(requests, rate);
	const grants: Array<{worker: number; tasks: readonly number[]; at: number}> = [];
	const dispatcher = createDispatcher({
		requests,
		workers,
		bus: createEventBus(),
		schedule,
		send(worker, message) {
			if (message.type === 'grant' && message.tasks.length > 0) {
				grants.push({worker, tasks: (message as GrantMessage).tasks, at: now()});
			}
		},
		broadcast() {},
	});
	const feed = (...batch: BusEvent[]): void => {
		dispatcher.receive(encodeBatch(batch));
	};

	for (let worker = 0; worker < workers; worker++) {
		feed({type: 'worker-up', worker, t: now(), pid: 1, process: 0, thread: worker});
	}

	return {schedule, grants, dispatcher, feed};
}

test('on a schedule, task i is granted no earlier than t0 + i/R, and a due task goes to an idle lane rather than behind a busy one', async () => {
	const d = scheduled(3, 2, 20);
	d.dispatcher.control({type: 'want', worker: 0, k: 2});
	d.dispatcher.control({type: 'want', worker: 1, k: 2});
	const run = d.dispatcher.run();
	assert.deepEqual(d.grants.map(g => [g.worker, g.tasks]), [[0, [0]]], 'only task 0 is due at t0');
	d.feed({type: 'task-start', worker: 0, task: 0, t: now()});
	// Lane 0 is busy and asks for one more (its prefetch); lane 1 is idle and still waits for two.
	d.dispatcher.control({type: 'want', worker: 0, k: 1});
	// Tasks 1 and 2 fall due at t0 + 50 and t0 + 100 ms; wait for both grants (a busy machine's timers fire late), not for a fixed time.
	for (let waited = 0; d.grants.length < 3 && waited < 5000; waited += 10) {
		await delay(10);
	}

	assert.deepEqual(d.grants.map(g => [g.worker, g.tasks]), [[0, [0]], [1, [1]], [0, [2]]], 'task 1 to the idle lane; task 2 to lane 0, lane 1 holding task 1');
	for (const grant of d.grants) {
		assert.ok(grant.at >= intendedAt(d.schedule.table!, grant.tasks[0]!) - 0.5, `task ${grant.tasks[0]} granted before its time`);
	}

	d.feed(
		{type: 'task-end', worker: 0, task: 0, t: now(), outcome: 'completed', status: 200, bytes: 1, latencyMs: 1, reason: ''},
		...[1, 2].flatMap((task): BusEvent[] => [
			{type: 'task-start', worker: task === 1 ? 1 : 0, task, t: now()},
			{type: 'task-end', worker: task === 1 ? 1 : 0, task, t: now(), outcome: 'completed', status: 200, bytes: 1, latencyMs: 1, reason: ''},
		]),
	);
	const totals = await run;
	assert.equal(totals.completed, 3);
});

test('cancel stops the schedule: nothing more is granted, the rest is cancelled at once', async () => {
	const d = scheduled(100, 1, 50);
	d.dispatcher.control({type: 'want', worker: 0, k: 2});
	const run = d.dispatcher.run();
	await d.dispatcher.abandon();
	const totals = await run;
	assert.equal(totals.completed + totals.failed + totals.cancelled, 100);
	const granted = d.grants.length;
	d.dispatcher.control({type: 'want', worker: 0, k: 2});
	await delay(100);
	assert.equal(d.grants.length, granted);
});
