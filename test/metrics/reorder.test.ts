import {test} from 'node:test';
import assert from 'node:assert/strict';
import {initialMetrics, reduce, toSnapshot} from '../../source/metrics/reducer.js';
import {apply, frame, runInfo, T0} from '../helpers/metrics.js';
import {state, taskEnd, taskStart, workerUp} from '../helpers/events.js';

const lagged = () => reduce(initialMetrics(runInfo({mode: 'threads', requested: 4}), T0, 2, {lagMs: 150}), {type: 'startup', startupMs: 50, t: T0 + 50});

test('with a lag, batches that arrive out of time order are applied in time order', () => {
	// Worker 0's whole batch arrives before worker 1's, though their tasks overlapped in time.
	const s = apply(
		lagged(),
		[workerUp({worker: 0, t: T0 + 50}), workerUp({worker: 1, t: T0 + 50})],
		[taskStart({worker: 0, task: 0, t: T0 + 100}), taskEnd({worker: 0, task: 0, t: T0 + 200})],
		[taskStart({worker: 1, task: 1, t: T0 + 110}), taskEnd({worker: 1, task: 1, t: T0 + 210})],
	);
	assert.equal(toSnapshot(s, T0 + 220).completed, 0, 'nothing is applied before the frame clock passes it by the lag');
	const later = apply(s, frame(T0 + 400));
	const snapshot = toSnapshot(later, T0 + 400);
	assert.equal(snapshot.completed, 2);
	assert.equal(snapshot.maxInFlight, 2);
});

test('a lane slice is closed from the states it had lagMs ago, not from stale ones', () => {
	const s = apply(
		lagged(),
		[workerUp({worker: 0, t: T0 + 50}), state({worker: 0, t: T0 + 50, state: 'idle'})],
		frame(T0 + 200),
		[state({worker: 0, t: T0 + 60, state: 'computing'})],
		frame(T0 + 300),
	);
	assert.deepEqual(toSnapshot(s, T0 + 300).lanes[0]!.slices.at(-2), 'computing');
});

test('a final status applies everything still pending', () => {
	const s = apply(
		lagged(),
		[workerUp({worker: 0, t: T0 + 50}), taskStart({worker: 0, task: 0, t: T0 + 60}), taskEnd({worker: 0, task: 0, t: T0 + 70})],
		{type: 'status', status: 'done', t: T0 + 80},
	);
	assert.equal(toSnapshot(s, T0 + 80).completed, 1);
});

test('a cancel of many never-handed-out tasks (worker -1) is counted once, whatever the batches', () => {
	const requested = 100_000;
	let s = reduce(initialMetrics(runInfo({mode: 'threads', requested}), T0, 2, {lagMs: 150}), {type: 'startup', startupMs: 50, t: T0 + 50});
	for (let from = 0; from < requested; from += 10_000) {
		s = reduce(s, {type: 'events', events: Array.from({length: 10_000}, (_, i) => taskEnd({worker: -1, task: from + i, t: T0 + 60, outcome: 'cancelled', reason: 'cancelled'}))});
	}

	s = reduce(s, {type: 'status', status: 'cancelled', t: T0 + 70});
	const snapshot = toSnapshot(s, T0 + 70);
	assert.equal(snapshot.cancelled, requested);
	assert.equal(snapshot.lanes.length, 0);
});
