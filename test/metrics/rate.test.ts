import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fillIn} from '../../source/i18n/format.js';
import {toSnapshot} from '../../source/metrics/reducer.js';
import {toResult} from '../../source/metrics/result.js';
import {taskEnd, taskStart} from '../helpers/events.js';
import {apply, frame, started, T0} from '../helpers/metrics.js';

const t0 = T0 + 100;
/** HDR histograms keep 3 significant digits. */
const near = (actual: number, expected: number): void => {
	assert.ok(Math.abs(actual - expected) <= expected * 0.001, `${actual} ≈ ${expected}`);
};
const schedule = (rate: number, requests: number) => ({type: 'schedule', table: {rate, requests, t0}}) as const;

test('sequential at 20/s against T=100ms: sends fall behind, latency from the intended start grows, service stays 100 ms', () => {
	const n = 10;
	const events = [];
	for (let i = 0; i < n; i++) {
		// One at a time: task i is sent when task i−1 ends, 100 ms each; it was due at t0 + 50·i.
		events.push(taskStart({worker: 0, task: i, t: t0 + 100 * i}), taskEnd({worker: 0, task: i, t: t0 + 100 * (i + 1), latencyMs: 100}));
	}

	const mid = apply(started({mode: 'sequential', requested: n, workers: 1}), schedule(20, n), events.slice(0, 10), frame(t0 + 1000));
	const live = toSnapshot(mid, t0 + 500 - 1);
	assert.equal(live.rate?.backlog, 5, 'due by 499 ms: ids 0–9 (10), sent 5');
	const state = apply(mid, events.slice(10), {type: 'status', status: 'done', t: t0 + 1000});
	const s = toSnapshot(state, t0 + 1000);
	assert.equal(s.rate?.target, 20);
	assert.equal(s.rate?.late, n - 1, 'ids 1–9 were sent 50, 100 … 450 ms after their intended start');
	assert.equal(s.rate?.achieved, (n * 1000) / (900 + 50), 'sent per second of schedule: 10 sends over 0.95 s');
	assert.equal(s.rate?.saturated, false, 'the pool (one lane) was full each time: not the client\'s fault');
	assert.equal(s.rate?.backlog, 0);
	// Latency from the intended start: task i ends at 100(i+1), was due at 50i → 100 + 50i ms.
	near(s.latency.max, 100 + 50 * (n - 1));
	assert.ok(Math.abs(s.latency.p50 - 300) <= 1, `p50 ${s.latency.p50}`);
	near(s.rate!.service.max, 100);
	near(s.rate!.service.p50, 100);
	assert.equal(s.model.bound, 'latency', 'n·T = 1 s is longer than the schedule (n−1)/R + T = 550 ms');
	const result = toResult(s, {startupMs: 50});
	assert.deepEqual(result.rate, {target: 20, achieved: 10.5, late: 9});
	assert.deepEqual(result.serviceMs, {p50: 100, p90: 100, p99: 100, max: 100});
	assert.equal(result.latencyMs.max, 550);
});

test('a pool that keeps up: every send on time, achieved = R exactly, no late start, latency = service; the schedule bounds the time', () => {
	const n = 20;
	const events = [];
	for (let i = 0; i < n; i++) {
		events.push(taskStart({worker: i % 4, task: i, t: t0 + 50 * i + 0.5}), taskEnd({worker: i % 4, task: i, t: t0 + 50 * i + 100.5, latencyMs: 100}));
	}

	const state = apply(started({mode: 'threads', requested: n, workers: 4}), schedule(20, n), events, {type: 'status', status: 'done', t: t0 + 2000});
	const s = toSnapshot(state, t0 + 2000);
	assert.ok(Math.abs(s.rate!.achieved - 20) < 0.01, `achieved ${s.rate!.achieved}`);
	assert.equal(s.rate?.late, 0);
	assert.ok(Math.abs(s.latency.p50 - s.rate!.service.p50) <= 1);
	assert.equal(s.model.bound, 'rate');
	assert.equal(s.model.formula, '(n−1)/R + T = 19/20/s + 100ms = 1.1s');
	assert.equal(s.model.predictedMs, 1050);
	assert.deepEqual(s.model.rate, {ms: 1050, symbol: '(n−1)/R + T', numbers: '19/20/s + 100ms'}, 'the schedule is a term of its own, for the model line');
});

test('late sends while the pool had free slots: the client itself cannot keep up, and the model line says so', () => {
	const n = 100;
	const events = [];
	for (let i = 0; i < n; i++) {
		// One loop with 1,000 slots, sending every 20 ms against a 10 ms schedule.
		events.push(taskStart({worker: 0, task: i, t: t0 + 20 * i}), taskEnd({worker: 0, task: i, t: t0 + 20 * i + 5, latencyMs: 5}));
	}

	const state = apply(started({mode: 'async', requested: n, workers: 1}), schedule(100, n), events, {type: 'status', status: 'done', t: t0 + 3000});
	const s = toSnapshot(state, t0 + 3000);
	assert.equal(s.rate?.late, n - 1 - 1, 'ids 2… were more than 10 ms late');
	assert.equal(s.rate?.saturated, true);
	assert.match(fillIn(s.model.note, s.model.noteParams), /^the client fell behind the schedule: 98 sends late with a slot free$/);
});

test('no --rate: no rate in the snapshot or the result, latency as before', () => {
	const state = apply(started(), [taskStart({worker: 0, task: 0, t: t0}), taskEnd({worker: 0, task: 0, t: t0 + 100})]);
	const s = toSnapshot(state, t0 + 100);
	assert.equal(s.rate, undefined);
	const result = toResult(s, {startupMs: 50});
	assert.equal('rate' in result || 'serviceMs' in result, false);
});
