import {test} from 'node:test';
import assert from 'node:assert/strict';
import {HISTORY, toSnapshot, type MetricsAction} from '../../source/metrics/reducer.js';
import {sample, taskEnd, taskStart, workerExit, workerUp} from '../helpers/events.js';
import {apply, started, T0} from '../helpers/metrics.js';

const cpu = (t: number, perCore: number[]): MetricsAction => ({type: 'cpu', t, perCore});
const near = (actual: number, expected: number): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} is not ${expected}`);

test('per-core CPU now, its history, and the run means (samples before the first task are shown, not counted)', () => {
	const s = apply(
		started({}, 2),
		cpu(T0 + 60, [1, 1]),
		[workerUp({worker: 0, t: T0}), taskStart({worker: 0, task: 0, t: T0 + 100})],
		cpu(T0 + 200, [0.5, 0.1]),
		cpu(T0 + 300, [0.3, 0.1]),
	);
	const snap = toSnapshot(s, T0 + 300).cpu;
	assert.equal(snap.cores, 2);
	assert.deepEqual(snap.perCore, [0.3, 0.1]);
	assert.deepEqual(snap.history, [[1, 0.5, 0.3], [1, 0.1, 0.1]]);
	near(snap.utilisation, 0.25);
	near(snap.perCoreMean[0]!, 0.4);
	near(snap.perCoreMean[1]!, 0.1);
});

test('CPU history per core keeps the last HISTORY values', () => {
	let s = started({}, 1);
	for (let i = 0; i < HISTORY + 5; i++) {
		s = apply(s, cpu(T0 + i, [i / 1000]));
	}

	const {history} = toSnapshot(s, T0).cpu;
	assert.equal(history[0]!.length, HISTORY);
	assert.equal(history[0]!.at(-1), (HISTORY + 4) / 1000);
});

test('peak RSS is the largest sum of the latest RSS of each live process', () => {
	const s = apply(
		started({mode: 'processes-threads'}),
		[workerUp({worker: 0, t: T0, pid: 10}), workerUp({worker: 1, t: T0, pid: 10}), workerUp({worker: 2, t: T0, pid: 20})],
		[sample({worker: 0, t: T0 + 100, rssBytes: 100}), sample({worker: 2, t: T0 + 100, rssBytes: 50})],
		// Worker 1 shares process 10: its sample replaces worker 0's (170 in all).
		[sample({worker: 1, t: T0 + 150, rssBytes: 120})],
		[workerExit({worker: 2, t: T0 + 160})],
		[sample({worker: 0, t: T0 + 200, rssBytes: 130})],
	);
	assert.equal(toSnapshot(s, T0 + 200).peakRssBytes, 170);
	assert.deepEqual([...s.rssByPid], [[10, 130]]);
});

test('the main process counts into peak RSS: beside worker processes, and once when its threads report it too', () => {
	const main = (t: number, rssBytes: number) => ({type: 'cpu', t, perCore: [0.1, 0.1], main: {pid: 10, rssBytes}}) as const;
	const processes = apply(
		started({mode: 'processes'}),
		[workerUp({worker: 0, t: T0, pid: 20}), workerUp({worker: 1, t: T0, pid: 30})],
		[sample({worker: 0, t: T0 + 100, rssBytes: 50}), sample({worker: 1, t: T0 + 100, rssBytes: 60})],
		main(T0 + 100, 100),
	);
	assert.equal(toSnapshot(processes, T0 + 100).peakRssBytes, 210);
	const threads = apply(
		started({mode: 'threads'}),
		[workerUp({worker: 0, t: T0, pid: 10}), workerUp({worker: 1, t: T0, pid: 10})],
		[sample({worker: 0, t: T0 + 100, rssBytes: 120})],
		main(T0 + 110, 125),
	);
	assert.equal(toSnapshot(threads, T0 + 110).peakRssBytes, 125);
});

test('the last sample, taken as the last task ends, counts even for a run shorter than a frame', () => {
	const s = apply(started({}, 2), {type: 'cpu', t: T0 + 80, perCore: [0.6, 0.2], last: true});
	near(toSnapshot(s, T0 + 80).cpu.utilisation, 0.4);
});

test('a run over before any CPU sample during it: the snapshot says unsampled; one sample during it: sampled', () => {
	const run = [workerUp({worker: 0, t: T0}), taskStart({worker: 0, task: 0, t: T0 + 60}), taskEnd({worker: 0, task: 0, t: T0 + 160})];
	const none = apply(started({requested: 1}), {type: 'cpu', t: T0 + 55, perCore: [0.5, 0.5]}, run);
	assert.equal(toSnapshot(none, T0 + 300).cpu.sampled, false);
	assert.equal(toSnapshot(none, T0 + 300).cpu.final, false);
	const one = apply(started({requested: 1}), run.slice(0, 2), {type: 'cpu', t: T0 + 100, perCore: [0.5, 0.5]}, run.slice(2));
	assert.equal(toSnapshot(one, T0 + 300).cpu.sampled, true);
});
