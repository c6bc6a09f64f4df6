import {test} from 'node:test';
import assert from 'node:assert/strict';
import {startupCostOf} from '../../source/run/startup-cost.js';

const pids = [process.pid, process.ppid];

test('processes-threads: the start-up and memory of a process are over its processes, not its P×Th lanes', () => {
	const cost = startupCostOf({mode: 'processes-threads', poolMs: 600, workers: 8, pids, rssBefore: 0, rssNow: 0});
	assert.equal(cost.kind, 'process');
	assert.equal(cost.workers, 2);
	assert.equal(cost.perWorkerMs, 300);
	const processes = startupCostOf({mode: 'processes', poolMs: 600, workers: 2, pids, rssBefore: 0, rssNow: 0});
	assert.equal(cost.perWorkerBytes! > 0, true);
	// Same two processes, the same figure per process whatever the lanes inside them.
	assert.ok(Math.abs(cost.perWorkerBytes! - processes.perWorkerBytes!) < 16 * 1_048_576);
});

test('threads: the figures are per thread (lanes), from the growth of this process', () => {
	const cost = startupCostOf({mode: 'threads', poolMs: 400, workers: 4, pids: [], rssBefore: 100, rssNow: 4100});
	assert.deepEqual(cost, {kind: 'thread', workers: 4, perWorkerMs: 100, perWorkerBytes: 1000});
});

test('threads of another process (--runtime python): the start-up per thread, no memory figure (this process\'s growth is not theirs)', () => {
	const cost = startupCostOf({mode: 'threads', poolMs: 400, workers: 4, pids: [4242], rssBefore: 100, rssNow: 4100});
	assert.deepEqual(cost, {kind: 'thread', workers: 4, perWorkerMs: 100, perWorkerBytes: null});
});
