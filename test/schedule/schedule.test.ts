import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createSchedule, dueBy, intendedAt} from '../../source/schedule/schedule.js';

test('task i is due at t0 + i/R, whatever the answers; no more than n are ever due', () => {
	const table = {rate: 20, requests: 5, t0: 1000};
	assert.deepEqual([0, 1, 4].map(i => intendedAt(table, i)), [1000, 1050, 1200]);
	assert.deepEqual([999, 1000, 1049.9, 1050, 1199, 1200, 60_000].map(t => dueBy(table, t)), [0, 1, 1, 2, 4, 5, 5]);
	assert.equal(dueBy({rate: 3, requests: 10, t0: 0}, 1000), 4, 'due at 0, 333.3, 666.7 and 1000 ms: float steps count');
});

test('a schedule starts once: its timetable is the first start\'s', () => {
	const schedule = createSchedule(10, 100);
	assert.equal(schedule.table, undefined);
	assert.ok(Number.isNaN(schedule.t0));
	schedule.start(5000);
	schedule.start(9000);
	assert.deepEqual(schedule.table, {rate: 100, requests: 10, t0: 5000});
});
