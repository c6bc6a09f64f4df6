import {test} from 'node:test';
import assert from 'node:assert/strict';
import {decodeBatch, encodeBatch, type StateEvent} from '../../source/events/events.js';
import {toSnapshot} from '../../source/metrics/reducer.js';
import {cellOf, TASK_ROWS} from '../../source/metrics/task-slices.js';
import {state, taskEnd, taskStart, workerUp} from '../helpers/events.js';
import {apply, frame, started, T0} from '../helpers/metrics.js';

const loopState = (e: {worker: number; t: number; state: StateEvent['state']; task: number}): StateEvent => ({type: 'state', ...e});

test('a blocking lane\'s task runs while its lane computes: a span on a core, a cell per lane slice', () => {
	const s = apply(
		started({mode: 'processes', workers: 1, work: 'cpu'}),
		[workerUp({worker: 0, t: T0 + 10})],
		frame(T0 + 100),
		[taskStart({worker: 0, task: 0, t: T0 + 110}), state({worker: 0, t: T0 + 120, state: 'computing'})],
		frame(T0 + 200),
		[taskEnd({worker: 0, task: 0, t: T0 + 260}), state({worker: 0, t: T0 + 260, state: 'idle'})],
		frame(T0 + 300),
	);
	const snap = toSnapshot(s, T0 + 350);
	assert.equal(snap.lanes[0]!.slices.length, 4);
	assert.deepEqual(snap.tasks, [{
		task: 0, worker: 0, start: T0 + 110, end: T0 + 260, outcome: 'completed',
		runs: [[T0 + 120, T0 + 260]],
		// [T0, +100] before it; [+100, +200]: 80 of its 90 ms on a core; [+200, +300]: all 60; after it.
		cells: ['none', 'run', 'run', 'none'],
	}]);
});

test('on a loop, a task is on a core only in the CPU section its lane marks; the lane\'s own states do not count', () => {
	const s = apply(
		started({mode: 'async', work: 'mixed'}),
		[workerUp({worker: 0, t: T0 + 10})],
		[taskStart({worker: 0, task: 0, t: T0 + 100}), taskStart({worker: 0, task: 1, t: T0 + 100}), state({worker: 0, t: T0 + 100, state: 'computing'})],
		frame(T0 + 200),
		[loopState({worker: 0, t: T0 + 250, state: 'computing', task: 1}), taskEnd({worker: 0, task: 1, t: T0 + 260})],
		frame(T0 + 300),
		frame(T0 + 400),
	);
	const tasks = toSnapshot(s, T0 + 450).tasks!;
	assert.deepEqual(tasks.map((task) => [task.task, task.runs, task.cells]), [
		[0, [], ['wait', 'wait', 'wait', 'wait']],
		// 10 of its 60 ms in [+200, +300] on a core: part of the slice.
		[1, [[T0 + 250, T0 + 260]], ['wait', 'part', 'none', 'none']],
	]);
	assert.equal(toSnapshot(s, T0 + 450).lanes[0]!.state, 'io');
});

test('a cell: none outside the task, run from half its time there on a core, part below, wait with none', () => {
	assert.equal(cellOf(10, 20, [], 0, 10), 'none');
	assert.equal(cellOf(10, 20, [], 10, 20), 'wait');
	assert.equal(cellOf(10, 20, [[10, 15]], 10, 20), 'run');
	assert.equal(cellOf(10, 20, [[10, 14]], 10, 20), 'part');
	assert.equal(cellOf(12, 12, [], 10, 20), 'wait');
});

test('memory is bounded: only the last TASK_ROWS tasks started are kept, whatever the run\'s size', () => {
	let s = started({mode: 'processes', workers: 1, requested: 100_000});
	s = apply(s, [workerUp({worker: 0, t: T0 + 10})]);
	const events = [];
	for (let i = 0; i < 100_000; i++) {
		events.push(taskStart({worker: 0, task: i, t: T0 + 100 + i * 0.01}), taskEnd({worker: 0, task: i, t: T0 + 100 + i * 0.01 + 0.005}));
	}

	s = apply(s, events);
	const tasks = toSnapshot(s, T0 + 2000).tasks!;
	assert.equal(tasks.length, TASK_ROWS);
	assert.equal(tasks[0]!.task, 100_000 - TASK_ROWS);
	assert.equal(tasks.at(-1)!.task, 99_999);
	assert.equal(s.taskSlices.byId.size, TASK_ROWS);
});

test('a loop task\'s state crosses a batch with its task id; a lane\'s state without one', () => {
	const events = [loopState({worker: 1, t: 5, state: 'computing', task: 7}), state({worker: 1, t: 6, state: 'io'})];
	assert.deepEqual(decodeBatch(encodeBatch(events)), events);
});
