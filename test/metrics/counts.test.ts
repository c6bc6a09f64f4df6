import {test} from 'node:test';
import assert from 'node:assert/strict';
import {reduce, toSnapshot} from '../../source/metrics/reducer.js';
import {taskEnd, taskStart, workerUp} from '../helpers/events.js';
import {apply, runInfo, started, T0} from '../helpers/metrics.js';

test('counts, in flight and the most in flight come from task events', () => {
	let s = started({requested: 4});
	s = apply(s, [
		workerUp({worker: 0, t: T0 + 10}),
		workerUp({worker: 1, t: T0 + 20}),
		taskStart({worker: 0, task: 0, t: T0 + 100}),
		taskStart({worker: 1, task: 1, t: T0 + 100}),
		taskEnd({worker: 0, task: 0, t: T0 + 200}),
	]);
	let snap = toSnapshot(s, T0 + 200);
	assert.deepEqual(
		[snap.started, snap.completed, snap.failed, snap.cancelled, snap.inFlight, snap.maxInFlight],
		[2, 1, 0, 0, 1, 2],
	);
	assert.deepEqual(snap.lanes.map(l => l.inFlight), [0, 1]);

	s = apply(s, [
		taskStart({worker: 0, task: 2, t: T0 + 200}),
		taskEnd({worker: 1, task: 1, t: T0 + 300, outcome: 'failed', status: 500, reason: 'status 500'}),
		taskEnd({worker: 0, task: 2, t: T0 + 300, outcome: 'cancelled'}),
		// A task never handed out, cancelled: counted, and in flight does not go below 0.
		taskEnd({worker: 0, task: 3, t: T0 + 300, outcome: 'cancelled'}),
	]);
	snap = toSnapshot(s, T0 + 300);
	assert.deepEqual(
		[snap.started, snap.completed, snap.failed, snap.cancelled, snap.inFlight, snap.maxInFlight],
		[3, 1, 1, 2, 0, 2],
	);
	assert.deepEqual(snap.lanes.map(l => [l.worker, l.tasks, l.inFlight]), [[0, 3, 0], [1, 1, 0]]);
});

test('status moves with the actions; elapsed is frozen at the last task-end once the run is over', () => {
	const initial = started({requested: 2});
	assert.equal(toSnapshot(initial, T0 + 50).status, 'running');
	assert.equal(toSnapshot(reduce(initial, {type: 'run-start', run: runInfo(), t: T0, cores: 2}), T0).status, 'starting');
	// Before any task: elapsed runs from the pool's start-up.
	assert.equal(toSnapshot(initial, T0 + 150).elapsedMs, 100);
	let s = apply(initial, [workerUp({worker: 0, t: T0 + 10}), taskStart({worker: 0, task: 0, t: T0 + 100})]);
	assert.equal(toSnapshot(s, T0 + 150).elapsedMs, 50);
	s = apply(s, {type: 'status', status: 'paused', t: T0 + 150});
	assert.equal(toSnapshot(s, T0 + 160).status, 'paused');
	s = apply(
		s,
		{type: 'status', status: 'running', t: T0 + 170},
		[taskEnd({worker: 0, task: 0, t: T0 + 200}), taskStart({worker: 0, task: 1, t: T0 + 200}), taskEnd({worker: 0, task: 1, t: T0 + 300})],
		{type: 'status', status: 'done', t: T0 + 400},
	);
	const snap = toSnapshot(s, T0 + 900);
	assert.equal(snap.status, 'done');
	assert.equal(snap.elapsedMs, 200);
	// Paused from +150 to +170: two answers over the 180 ms not paused.
	assert.equal(snap.pausedMs, 20);
	assert.equal(snap.meanThroughput, 2000 / 180);
	assert.equal(snap.etaMs, 0);
	assert.equal(snap.startupMs, 50);
});

test('a snapshot holds plain data: later batches do not change it', () => {
	let s = apply(started(), [workerUp({worker: 0, t: T0}), taskStart({worker: 0, task: 0, t: T0 + 100}), taskEnd({worker: 0, task: 0, t: T0 + 150, latencyMs: 50})]);
	const before = toSnapshot(s, T0 + 200);
	const copy = structuredClone(before);
	s = apply(s, [taskStart({worker: 0, task: 1, t: T0 + 200}), taskEnd({worker: 0, task: 1, t: T0 + 300, latencyMs: 900})]);
	assert.deepEqual(before, copy);
	assert.equal(toSnapshot(s, T0 + 300).completed, 2);
});

test('tasks never handed out end in bulk: counted by outcome, failures by reason, no lane and no throughput', () => {
	let s = started({requested: 1_000_003});
	s = apply(s, [
		workerUp({worker: 0, t: T0 + 10}),
		taskStart({worker: 0, task: 0, t: T0 + 100}),
		taskEnd({worker: 0, task: 0, t: T0 + 200}),
		{type: 'tasks-end', worker: -1, t: T0 + 300, outcome: 'cancelled', count: 1_000_000, reason: 'cancelled'},
		{type: 'tasks-end', worker: -1, t: T0 + 300, outcome: 'failed', count: 2, reason: 'worker died'},
	]);
	const snap = toSnapshot(s, T0 + 300);
	assert.deepEqual([snap.completed, snap.failed, snap.cancelled, snap.inFlight], [1, 2, 1_000_000, 0]);
	assert.deepEqual([...snap.failures], [['worker died', 2]]);
	assert.deepEqual(snap.lanes.map(l => [l.worker, l.tasks]), [[0, 1]]);
});
