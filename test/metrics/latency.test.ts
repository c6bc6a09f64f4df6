import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {BusEvent} from '../../source/events/events.js';
import {toSnapshot} from '../../source/metrics/reducer.js';
import {taskEnd, taskStart, workerUp} from '../helpers/events.js';
import {apply, started, T0} from '../helpers/metrics.js';

/** HDR keeps 3 significant digits: within 0.1 % of the value. */
const near = (actual: number, expected: number): void => {
	assert.ok(Math.abs(actual - expected) <= expected * 1e-3, `${actual} is not ${expected}`);
};

test('percentiles of completed tasks and failed ones with a status; no timeouts, no cancels', () => {
	const events: BusEvent[] = [workerUp({worker: 0, t: T0})];
	for (let i = 1; i <= 99; i++) {
		events.push(taskStart({worker: 0, task: i, t: T0 + i}), taskEnd({worker: 0, task: i, t: T0 + i, latencyMs: i}));
	}

	events.push(
		taskEnd({worker: 0, task: 100, t: T0 + 200, outcome: 'failed', status: 500, reason: 'status 500', latencyMs: 1000}),
		taskEnd({worker: 0, task: 101, t: T0 + 200, outcome: 'failed', status: 0, reason: 'timeout', latencyMs: 10_000}),
		taskEnd({worker: 0, task: 102, t: T0 + 200, outcome: 'cancelled', latencyMs: 20_000}),
	);
	const {latency} = toSnapshot(apply(started(), events), T0 + 300);
	near(latency.p50, 50);
	near(latency.p90, 90);
	near(latency.p99, 99);
	near(latency.max, 1000);
	near(latency.mean, (4950 + 1000) / 100);
});

test('no latency before the first answer', () => {
	assert.deepEqual(toSnapshot(started(), T0).latency, {p50: 0, p90: 0, p99: 0, max: 0, mean: 0, count: 0});
});

test('failures: reason → count, most frequent first, then by name; cancels are not failures', () => {
	const fail = (task: number, reason: string, status = 0) =>
		taskEnd({worker: 0, task, t: T0 + 100, outcome: 'failed', status, reason});
	const s = apply(started(), [
		fail(1, 'timeout'),
		fail(2, 'status 500', 500),
		fail(3, 'connection refused (ECONNREFUSED)'),
		fail(4, 'status 500', 500),
		fail(5, 'ECONNRESET'),
		fail(6, 'status 500', 500),
		fail(7, 'connection refused (ECONNREFUSED)'),
		taskEnd({worker: 0, task: 8, t: T0 + 100, outcome: 'cancelled'}),
	]);
	assert.deepEqual(toSnapshot(s, T0 + 100).failures, [
		['status 500', 3],
		['connection refused (ECONNREFUSED)', 2],
		['ECONNRESET', 1],
		['timeout', 1],
	]);
});

test('a snapshot taken again with nothing new recorded returns the same percentiles object', () => {
	const s = apply(started(), [workerUp({worker: 0, t: T0}), taskStart({worker: 0, task: 0, t: T0}), taskEnd({worker: 0, task: 0, t: T0 + 5, latencyMs: 5})]);
	assert.equal(toSnapshot(s, T0 + 10).latency, toSnapshot(s, T0 + 20).latency);
});
