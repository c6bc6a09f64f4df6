import {test} from 'node:test';
import assert from 'node:assert/strict';
import {fillIn} from '../../source/i18n/format.js';
import {reduce, toSnapshot} from '../../source/metrics/reducer.js';
import {sample, taskEnd, taskStart, workerUp} from '../helpers/events.js';
import {apply, frame, started, T0} from '../helpers/metrics.js';

test('once over, the CPU bars and the client figure are the run means, not the idle samples taken after it', () => {
	let s = apply(started({mode: 'processes', requested: 2}), [
		workerUp({worker: 0, t: T0 + 10, pid: 100}),
		workerUp({worker: 1, t: T0 + 10, pid: 101}),
		taskStart({worker: 0, task: 0, t: T0 + 100}),
		taskStart({worker: 1, task: 1, t: T0 + 100}),
	]);
	// Both cores busy while the run goes on, each worker on one core.
	for (const t of [T0 + 200, T0 + 300, T0 + 400, T0 + 500, T0 + 600, T0 + 700, T0 + 800, T0 + 900, T0 + 1000, T0 + 1100]) {
		s = reduce(s, {type: 'cpu', t, perCore: [1, 1]});
		s = apply(s, [sample({worker: 0, t, cpuMs: 100, elu: 0.9}), sample({worker: 1, t, cpuMs: 100, elu: 0.9})], frame(t));
	}

	const live = toSnapshot(s, T0 + 1100);
	assert.equal(live.cpu.final, false);
	assert.deepEqual(live.cpu.perCore, [1, 1]);
	assert.equal(live.cpu.client, 2);

	s = apply(s, [taskEnd({worker: 0, task: 0, t: T0 + 1100}), taskEnd({worker: 1, task: 1, t: T0 + 1100})]);
	// The pool is torn down: one core idle, the workers' last samples near zero.
	s = reduce(s, {type: 'cpu', t: T0 + 1200, perCore: [0.5, 0]});
	s = apply(s, [sample({worker: 0, t: T0 + 1200, cpuMs: 0, elu: 0}), sample({worker: 1, t: T0 + 1200, cpuMs: 0, elu: 0})], frame(T0 + 1200));
	s = reduce(s, {type: 'status', status: 'done', t: T0 + 1300});
	const last = toSnapshot(s, T0 + 1300);
	assert.equal(last.cpu.final, true);
	assert.deepEqual(last.cpu.perCore, [1, 1]);
	assert.deepEqual(last.cpu.perCore, last.cpu.perCoreMean);
	// 2 × 1,000 ms of CPU over the 1,000 ms the run took.
	assert.equal(last.cpu.client, 2);
	// Each lane's utilisation: its mean over the run's samples (0.9 from its start at +10 to +1,100, then 0 for 100 ms), not the idle last one.
	assert.equal(live.lanes[0]!.elu, 0.9);
	assert.equal(last.lanes[0]!.elu, (0.9 * 1090) / 1190);
	// Its share on a core, over the same samples (what the screen sets under the elu): 1,000 ms of CPU over 1,190 ms.
	assert.equal(last.lanes[0]!.cpu, 1000 / 1190);
});

test('once over, the model names other work that kept the cores busy beyond the client and its server', () => {
	let s = apply(started({mode: 'threads', requested: 1, workers: 1}), [workerUp({worker: 0, t: T0 + 10}), taskStart({worker: 0, task: 0, t: T0 + 100})]);
	for (const t of [T0 + 200, T0 + 300, T0 + 400, T0 + 500, T0 + 600]) {
		// Both cores busy, the client's one worker at half a core.
		s = reduce(s, {type: 'cpu', t, perCore: [1, 1]});
		s = apply(s, [sample({worker: 0, t, cpuMs: 50})], frame(t));
	}

	assert.equal(toSnapshot(s, T0 + 600).model.note, '');
	s = apply(s, [taskEnd({worker: 0, task: 0, t: T0 + 600})], {type: 'status', status: 'done', t: T0 + 700});
	const last = toSnapshot(s, T0 + 700);
	// 2 cores busy − the worker's 250 ms of CPU over the 500 ms run.
	assert.equal(last.model.note, 'other work kept {cores} of {of} cores busy (the model counts on free cores)', 'an English template, translated in ui/');
	assert.equal(fillIn(last.model.note, last.model.noteParams), 'other work kept 1.5 of 2 cores busy (the model counts on free cores)');
	assert.equal(last.model.bound, 'latency');
});
