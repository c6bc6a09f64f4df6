import {test} from 'node:test';
import assert from 'node:assert/strict';
import {toSnapshot} from '../../source/metrics/reducer.js';
import {state, workerUp} from '../helpers/events.js';
import {apply, frame, started, T0} from '../helpers/metrics.js';

const twoThreads = (gil: boolean) =>
	apply(
		started({mode: 'threads', workers: 2, gil}),
		[
			workerUp({worker: 0, t: T0, pid: 7, process: 0, thread: 0}),
			workerUp({worker: 1, t: T0, pid: 7, process: 0, thread: 1}),
			state({worker: 0, t: T0, state: 'computing'}),
			state({worker: 1, t: T0 + 30, state: 'computing'}),
		],
		frame(T0 + 100),
	);

test('with the GIL, one lane of a process computes a whole slice: the one that computed longest; the other is split', () => {
	const lanes = toSnapshot(twoThreads(true), T0 + 100).lanes;
	assert.deepEqual(
		lanes.map((l) => l.slices[0]),
		['computing', 'split'],
	);
});

test('without the GIL, threads of one process compute in the same slice', () => {
	const lanes = toSnapshot(twoThreads(false), T0 + 100).lanes;
	assert.deepEqual(
		lanes.map((l) => l.slices[0]),
		['computing', 'computing'],
	);
});

test('with the GIL, lanes of different processes each compute a whole slice', () => {
	const s = apply(
		started({mode: 'processes-threads', workers: 2, threads: 1, gil: true}),
		[
			workerUp({worker: 0, t: T0, pid: 7, process: 0, thread: 0}),
			workerUp({worker: 1, t: T0, pid: 8, process: 1, thread: 0}),
			state({worker: 0, t: T0, state: 'computing'}),
			state({worker: 1, t: T0, state: 'computing'}),
		],
		frame(T0 + 100),
	);
	assert.deepEqual(
		toSnapshot(s, T0 + 100).lanes.map((l) => l.slices[0]),
		['computing', 'computing'],
	);
});
