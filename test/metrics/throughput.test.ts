import {test} from 'node:test';
import assert from 'node:assert/strict';
import {HISTORY, toSnapshot} from '../../source/metrics/reducer.js';
import {THROUGHPUT_LAG_MS} from '../../source/metrics/throughput.js';
import {taskEnd, taskStart, workerUp} from '../helpers/events.js';
import {apply, frame, started, T0} from '../helpers/metrics.js';

test('throughput is task ends per second over the last settled second; one history point per frame', () => {
	assert.equal(THROUGHPUT_LAG_MS, 50);
	const ends = Array.from({length: 20}, (_, i) => taskEnd({worker: 0, task: i, t: T0 + 1000 + (i * 50)}));
	let s = apply(
		started({requested: 100}),
		[workerUp({worker: 0, t: T0}), taskStart({worker: 0, task: 0, t: T0})],
		// The first end (at +1000) has arrived, but this frame only counts what settled before +1000.
		ends.slice(0, 2),
		frame(T0 + 1050),
	);
	let snap = toSnapshot(s, T0 + 1050);
	assert.equal(snap.throughput, 0);
	assert.deepEqual(snap.throughputHistory, [0]);
	assert.equal(snap.etaMs, null);

	s = apply(
		s,
		ends.slice(2),
		// Cancels are not served requests: they are not throughput.
		[taskEnd({worker: 0, task: 99, t: T0 + 1500, outcome: 'cancelled'})],
		frame(T0 + 2050),
	);
	snap = toSnapshot(s, T0 + 2050);
	assert.equal(snap.throughput, 20);
	assert.deepEqual(snap.throughputHistory, [0, 20]);

	s = apply(s, frame(T0 + 2550));
	snap = toSnapshot(s, T0 + 2550);
	// [+1500, +2500): ten ends; the point is over that second too, not over the frame's 500 ms without ends.
	assert.equal(snap.throughput, 10);
	assert.deepEqual(snap.throughputHistory, [0, 20, 10]);
	// 100 requested, 21 ended: 79 left at 10/s.
	assert.equal(snap.etaMs, 7900);
	assert.equal(snap.meanThroughput, (20 * 1000) / 2550);
});

test('the throughput history keeps the last HISTORY points', () => {
	let s = apply(started(), [workerUp({worker: 0, t: T0}), taskStart({worker: 0, task: 0, t: T0})]);
	for (let i = 1; i <= HISTORY + 10; i++) {
		s = apply(s, frame(T0 + (i * 100)));
	}

	assert.equal(HISTORY, 120);
	assert.equal(toSnapshot(s, T0 + 20_000).throughputHistory.length, HISTORY);
});

test('no throughput point before the first task', () => {
	const s = apply(started(), [workerUp({worker: 0, t: T0})], frame(T0 + 100), frame(T0 + 200));
	const snap = toSnapshot(s, T0 + 200);
	assert.deepEqual(snap.throughputHistory, []);
	assert.deepEqual(snap.lanes[0]!.slices, ['idle', 'idle', 'idle']);
});

test('a run shorter than the lag: throughput is the mean once over, and the history holds the run', () => {
	const ends = Array.from({length: 40}, (_, i) => taskEnd({worker: 0, task: i, t: T0 + 20 + i}));
	let s = apply(
		started({requested: 40}),
		[workerUp({worker: 0, t: T0}), taskStart({worker: 0, task: 0, t: T0})],
		ends.slice(0, 20),
		frame(T0 + 40),
	);
	// Twenty ends in 40 ms, none settled yet: the rate since the first task, not 0.
	assert.equal(toSnapshot(s, T0 + 40).throughput, 500);
	s = apply(s, ends.slice(20), frame(T0 + 100), frame(T0 + 200));
	const snap = toSnapshot(s, T0 + 200);
	// 40 ends from +0 to +59: the run's mean, and its last point in the chart.
	assert.equal(snap.throughput, (40 * 1000) / 59);
	assert.equal(snap.throughput, snap.meanThroughput);
	assert.equal(snap.throughputHistory.at(-1), (40 * 1000) / 59);
	assert.equal(snap.throughputHistory.length, 2);
});

test('history points are rates over a second: one end per 100 ms reads 10/s in every column, never a spike beside an empty one', () => {
	// Sequential at T=100 ms, frames every 100 ms but offset from the ends.
	const ends = Array.from({length: 30}, (_, i) => taskEnd({worker: 0, task: i, t: T0 + 100 + (i * 100)}));
	let s = apply(started({requested: 1000}), [workerUp({worker: 0, t: T0}), taskStart({worker: 0, task: 0, t: T0})], ends);
	for (let f = 1; f <= 30; f++) {
		s = apply(s, frame(T0 + (f * 100) + 37));
	}

	const history = toSnapshot(s, T0 + 3037).throughputHistory;
	assert.equal(history.length, 30);
	assert.ok(Math.max(...history) <= 10, `peak ${Math.max(...history)}/s above 1/T`);
	assert.deepEqual(history.slice(12), Array.from({length: 18}, () => 10));
});
