import {test} from 'node:test';
import assert from 'node:assert/strict';
import {MAX_SLICES, toSnapshot} from '../../source/metrics/reducer.js';
import {sample, state, taskEnd, taskStart, workerExit, workerUp} from '../helpers/events.js';
import {apply, frame, started, T0} from '../helpers/metrics.js';

test('one slice per frame: the state the lane spent most time in (ties: computing > gil > io > idle)', () => {
	const s = apply(
		started({mode: 'threads', workers: 1}),
		[workerUp({worker: 0, t: T0 + 10, pid: 7, process: 0, thread: 0})],
		frame(T0 + 100),
		[state({worker: 0, t: T0 + 120, state: 'computing'}), state({worker: 0, t: T0 + 150, state: 'io'})],
		frame(T0 + 200),
		[state({worker: 0, t: T0 + 200, state: 'computing'})],
		frame(T0 + 300),
		[state({worker: 0, t: T0 + 300, state: 'gil'}), state({worker: 0, t: T0 + 350, state: 'io'})],
		frame(T0 + 400),
	);
	const [lane] = toSnapshot(s, T0 + 410).lanes;
	assert.deepEqual(lane, {
		worker: 0,
		process: 0,
		thread: 0,
		pid: 7,
		// Closed slices, then the slice in progress.
		slices: ['idle', 'io', 'computing', 'gil', 'io'],
		state: 'io',
		tasks: 0,
		inFlight: 0,
		// Busy 30 + 50 + 100 + 50 + 50 + 10 ms out of 400 ms since worker-up.
		busyRatio: 0.725,
		elu: null,
		cpu: 0,
	});
});

test('a worker that exits with a non-zero code, or while the run goes on, is dead; a clean exit at the end is idle', () => {
	const s = apply(
		started({mode: 'threads', workers: 3, requested: 1}),
		[workerUp({worker: 0, t: T0}), workerUp({worker: 1, t: T0}), workerUp({worker: 2, t: T0})],
		frame(T0 + 100),
		[state({worker: 0, t: T0 + 100, state: 'computing'}), workerExit({worker: 0, t: T0 + 130, code: 1})],
		[workerExit({worker: 1, t: T0 + 150, code: 0})],
		frame(T0 + 200),
		[taskStart({worker: 2, task: 0, t: T0 + 200}), taskEnd({worker: 2, task: 0, t: T0 + 250}), workerExit({worker: 2, t: T0 + 260, code: 0})],
	);
	const lanes = toSnapshot(s, T0 + 300).lanes;
	assert.deepEqual(lanes.map(l => l.state), ['dead', 'dead', 'idle']);
	assert.deepEqual(lanes[0]!.slices, ['idle', 'dead', 'dead']);
	assert.deepEqual(lanes[1]!.slices, ['idle', 'dead', 'dead']);
});

test('an event loop lane is computing when its utilisation is ≥ 0.5, waiting while tasks are in flight, else idle', () => {
	let s = apply(
		started({mode: 'async', workers: 1, concurrency: 3}),
		[workerUp({worker: 0, t: T0})],
		frame(T0 + 100),
		[
			taskStart({worker: 0, task: 0, t: T0 + 100}),
			taskStart({worker: 0, task: 1, t: T0 + 100}),
			taskStart({worker: 0, task: 2, t: T0 + 100}),
			sample({worker: 0, t: T0 + 140, elu: 0.7, inFlight: 3, cpuMs: 98}),
		],
		frame(T0 + 200),
		[sample({worker: 0, t: T0 + 200, elu: 0.2, inFlight: 3, cpuMs: 12})],
		frame(T0 + 300),
		[0, 1, 2].map(task => taskEnd({worker: 0, task, t: T0 + 310})),
		frame(T0 + 400),
	);
	let [lane] = toSnapshot(s, T0 + 400).lanes;
	assert.deepEqual(lane!.slices, ['idle', 'computing', 'io', 'idle', 'idle']);
	assert.equal(lane!.elu, 0.2);
	assert.equal(lane!.tasks, 3);

	s = apply(s, [taskStart({worker: 0, task: 3, t: T0 + 400}), sample({worker: 0, t: T0 + 500, elu: 0.95, inFlight: 1})]);
	const snap = toSnapshot(s, T0 + 500);
	[lane] = snap.lanes;
	assert.equal(lane!.state, 'computing');
	// A busy loop does not change the model's mind: the bound comes from the calibrated terms, not from the run.
	assert.equal(snap.model.bound, 'latency');
	assert.equal(snap.model.note, '');
});

test('a lane keeps at most MAX_SLICES slices, the one in progress included', () => {
	let s = apply(started({mode: 'threads', workers: 1}), [workerUp({worker: 0, t: T0})]);
	for (let i = 1; i <= MAX_SLICES + 60; i++) {
		s = apply(s, [state({worker: 0, t: T0 + (i * 100) - 50, state: i % 2 === 0 ? 'io' : 'computing'})], frame(T0 + (i * 100)));
	}

	assert.equal(MAX_SLICES, 240);
	assert.equal(s.lanes.get(0)!.slices.length, MAX_SLICES);
	const slices = toSnapshot(s, T0 + 30_000).lanes[0]!.slices;
	assert.equal(slices.length, MAX_SLICES);
	// Frame i ends with 50 ms of its own state after 50 ms of the previous one: ties go to computing.
	assert.deepEqual(slices.slice(-3), ['computing', 'computing', 'io']);
});

test('lanes are sorted by worker id and carry their CPU share over the last ≥ 500 ms; client CPU is their sum', () => {
	const s = apply(
		started({mode: 'threads', workers: 2}),
		[workerUp({worker: 1, t: T0, pid: 5}), workerUp({worker: 0, t: T0, pid: 5})],
		[sample({worker: 0, t: T0 + 250, cpuMs: 100}), sample({worker: 1, t: T0 + 100, cpuMs: 4})],
		[sample({worker: 0, t: T0 + 500, cpuMs: 150}), sample({worker: 1, t: T0 + 101, cpuMs: 4})],
		[sample({worker: 1, t: T0 + 600, cpuMs: 142})],
	);
	assert.equal(toSnapshot(apply(started(), []), T0).cpu.client, 0);
	const snap = toSnapshot(s, T0 + 600);
	assert.deepEqual(snap.lanes.map(l => [l.worker, l.cpu]), [[0, 0.5], [1, 0.25]]);
	assert.equal(snap.cpu.client, 0.75);
});

test('a slice split between computing and waiting for the GIL (the smaller at least half the larger) is split, else the larger', () => {
	const s = apply(
		started({mode: 'threads', workers: 1}),
		[workerUp({worker: 0, t: T0, pid: 7, process: 0, thread: 0}), state({worker: 0, t: T0, state: 'computing'})],
		[state({worker: 0, t: T0 + 50, state: 'gil'})],
		frame(T0 + 100),
		[state({worker: 0, t: T0 + 100, state: 'computing'}), state({worker: 0, t: T0 + 180, state: 'gil'})],
		frame(T0 + 200),
		[state({worker: 0, t: T0 + 220, state: 'computing'}), state({worker: 0, t: T0 + 260, state: 'gil'})],
		frame(T0 + 300),
		[state({worker: 0, t: T0 + 380, state: 'computing'})],
		frame(T0 + 400),
	);
	const [lane] = toSnapshot(s, T0 + 400).lanes;
	// 50/50, 80/20, 40/60, 0/80 (+20 computing after): split, computing, split, gil; then the open slice (no time yet).
	assert.deepEqual(lane?.slices, ['split', 'computing', 'split', 'gil', 'computing']);
});
