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

test('with the GIL, two threads whose tasks hold it 300 ms each alternate: three slices computing, three waiting, never both computing', () => {
	const events = [
		workerUp({worker: 0, t: T0, pid: 7, process: 0, thread: 0}),
		workerUp({worker: 1, t: T0, pid: 7, process: 0, thread: 1}),
		state({worker: 0, t: T0, state: 'computing'}),
		state({worker: 1, t: T0, state: 'gil'}),
	];
	// The FIFO GIL hands over at the end of each task: at 300 ms, 600 ms, 900 ms (and a late one at 1,150 ms).
	for (const [at, holder] of [[300, 1], [600, 0], [900, 1], [1150, 0]] as const) {
		events.push(state({worker: holder, t: T0 + at, state: 'computing'}), state({worker: 1 - holder, t: T0 + at, state: 'gil'}));
	}

	// Frames every 100 ms, each after the events it covers (as the run applies them).
	let s = started({mode: 'threads', workers: 2, gil: true});
	for (let k = 0; k <= 13; k++) {
		const due = events.filter((e) => e.t <= T0 + k * 100 && e.t > T0 + (k - 1) * 100);
		s = apply(s, ...(due.length > 0 ? [due] : []), ...(k > 0 ? [frame(T0 + k * 100)] : []));
	}

	const pattern = (slices: readonly string[]): string => slices.map((x) => ({computing: 'c', gil: 'g', split: 's'}[x] ?? '?')).join('');
	const [t0, t1] = toSnapshot(s, T0 + 1300).lanes.map((l) => pattern(l.slices.slice(0, 13)));
	assert.equal(t0, 'cccgggcccggsc');
	assert.equal(t1, 'gggcccgggccsg');
});
