import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {BusEvent, StateEvent} from '../../source/events/events.js';
import {toSnapshot} from '../../source/metrics/reducer.js';
import type {TraceEvent} from '../../source/trace/trace-events.js';
import {createTracer} from '../../source/trace/tracer.js';
import {state, taskEnd, taskStart, workerUp} from '../helpers/events.js';
import {apply, frame, runInfo, started, T0} from '../helpers/metrics.js';

function memoryFile() {
	const events: TraceEvent[] = [];
	return {path: 'memory', events, write(batch: readonly TraceEvent[]) {
		events.push(...batch);
	}, async close() {}};
}

const µs = (t: number): number => Math.round((t - T0) * 1_000_000) / 1000;

/** The task view's spans of each task, and the trace's: its slice (X, or b/e on a loop) and its X slices on a core. */
async function both(mode: 'processes' | 'async', events: BusEvent[]) {
	const s = apply(started({mode, work: 'mixed'}), events, frame(T0 + 1000));
	const view = toSnapshot(s, T0 + 1000).tasks!.map((task) => ({
		task: task.task,
		span: [µs(task.start), µs(task.end!)],
		runs: task.runs.map(([from, to]) => [µs(from), µs(to)]),
	}));
	const file = memoryFile();
	const tracer = createTracer(file, T0);
	tracer.runStarted(runInfo({mode, work: 'mixed'}), T0);
	tracer.events(events);
	await tracer.close();
	const trace = view.map(({task}) => {
		const name = `task ${task}`;
		const x = file.events.find((e) => e.ph === 'X' && e.name === name);
		const b = file.events.find((e) => e.ph === 'b' && e.name === name);
		const e = file.events.find((ev) => ev.ph === 'e' && ev.name === name);
		const span = x ? [x.ts!, x.ts! + x.dur!] : [b!.ts!, e!.ts!];
		const runs = file.events.filter((ev) => ev.name === 'on a core' && (ev.args as {task: number}).task === task).map((ev) => [ev.ts!, ev.ts! + ev.dur!]);
		return {task, span, runs};
	});
	return {view, trace};
}

test('--trace and the task view agree on processes: each task\'s slice and its spans on a core, from the same events', async () => {
	const events: BusEvent[] = [
		workerUp({worker: 0, t: T0 + 1}), workerUp({worker: 1, t: T0 + 1}),
		taskStart({worker: 0, task: 0, t: T0 + 10}), state({worker: 0, t: T0 + 10, state: 'io'}),
		taskStart({worker: 1, task: 1, t: T0 + 11}), state({worker: 1, t: T0 + 11, state: 'io'}),
		state({worker: 0, t: T0 + 110, state: 'computing'}), state({worker: 1, t: T0 + 112, state: 'computing'}),
		taskEnd({worker: 0, task: 0, t: T0 + 410, latencyMs: 400}),
		// The next task starts while its lane still computes (prefetched): it is on a core from its start.
		taskStart({worker: 0, task: 2, t: T0 + 410.5}), state({worker: 0, t: T0 + 411, state: 'io'}),
		taskEnd({worker: 1, task: 1, t: T0 + 412, latencyMs: 401}), state({worker: 1, t: T0 + 412, state: 'idle'}),
		state({worker: 0, t: T0 + 511, state: 'computing'}), taskEnd({worker: 0, task: 2, t: T0 + 811, latencyMs: 400.5}),
		state({worker: 0, t: T0 + 811, state: 'idle'}),
	];
	const {view, trace} = await both('processes', events);
	assert.deepEqual(view.map((v) => v.task), [0, 1, 2]);
	assert.deepEqual(view, trace);
	assert.deepEqual(view[2]!.runs, [[410_500, 411_000], [511_000, 811_000]]);
});

test('--trace and the task view agree on a loop: overlapping tasks, each on a core only in its own CPU section', async () => {
	const section = (task: number, t: number): StateEvent => ({type: 'state', worker: 0, t: T0 + t, state: 'computing', task});
	const events: BusEvent[] = [workerUp({worker: 0, t: T0 + 1}), state({worker: 0, t: T0 + 5, state: 'io'})];
	for (let task = 0; task < 4; task++) {
		events.push(taskStart({worker: 0, task, t: T0 + 10 + task}));
	}

	for (let task = 0; task < 4; task++) {
		events.push(section(task, 120 + 100 * task), taskEnd({worker: 0, task, t: T0 + 220 + 100 * task, latencyMs: 210 + 99 * task}));
	}

	const {view, trace} = await both('async', events);
	assert.deepEqual(view, trace);
	assert.deepEqual(view.map((v) => v.runs), [0, 1, 2, 3].map((k) => [[120_000 + 100_000 * k, 220_000 + 100_000 * k]]));
});
