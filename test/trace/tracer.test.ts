import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {BusEvent} from '../../source/events/events.js';
import type {RunInfo} from '../../source/metrics/snapshot.js';
import type {TraceEvent} from '../../source/trace/trace-events.js';
import type {TraceFile} from '../../source/trace/trace-file.js';
import {createTracer, FULL_TASKS, SUBSET_EVERY} from '../../source/trace/tracer.js';
import {processes as processesSnapshot} from '../ui/fixtures.js';

const T0 = 1_700_000_000_000;

function memoryFile(): TraceFile & {events: TraceEvent[]; metadata: Record<string, unknown> | undefined} {
	const file = {
		path: 'memory',
		events: [] as TraceEvent[],
		metadata: undefined as Record<string, unknown> | undefined,
		write(events: readonly TraceEvent[]) {
			for (const event of events) {
				file.events.push(event);
			}
		},
		async close(metadata: Readonly<Record<string, unknown>>) {
			file.metadata = {...metadata};
		},
	};
	return file;
}

const info = (mode: RunInfo['mode'], id = 1): RunInfo => ({...processesSnapshot.run, id, mode});
const up = (worker: number, process: number, thread: number, pid: number): BusEvent => ({type: 'worker-up', worker, t: T0 + 1, pid, process, thread});
const start = (worker: number, task: number, t: number): BusEvent => ({type: 'task-start', worker, task, t: T0 + t});
const end = (worker: number, task: number, t: number, latencyMs: number, outcome: 'completed' | 'failed' | 'cancelled' = 'completed'): BusEvent => ({
	type: 'task-end', worker, task, t: T0 + t, outcome, status: outcome === 'completed' ? 200 : 0, bytes: 10, latencyMs, reason: outcome === 'completed' ? '' : outcome,
});
const names = (events: readonly TraceEvent[], name: string): Array<[number, number | undefined, unknown]> =>
	events.filter(e => e.ph === 'M' && e.name === name).map(e => [e.pid, e.tid, (e.args as {name?: unknown; sort_index?: unknown}).name ?? (e.args as {sort_index?: unknown}).sort_index]);

test('processes × threads: a trace process per pool process, a thread track per lane in the screen order, one X per task', async () => {
	const file = memoryFile();
	const tracer = createTracer(file, T0);
	tracer.runStarted(info('processes-threads'), T0);
	// Lanes come up out of order: worker 3 (p1 t1) first.
	tracer.events([up(3, 1, 1, 502), up(0, 0, 0, 501), up(1, 0, 1, 501), up(2, 1, 0, 502)]);
	tracer.events([start(0, 0, 10), start(3, 1, 12), end(3, 1, 112, 100), end(0, 0, 110, 100), end(1, 2, 130, 20, 'failed')]);
	tracer.runEnded(undefined, T0 + 200);
	await tracer.close();
	assert.deepEqual(names(file.events, 'process_name'), [
		[1000, undefined, 'run 1 processes-threads · io · n=400 · T=100ms'],
		[1002, undefined, 'run 1 processes-threads · p1 (pid 502)'],
		[1001, undefined, 'run 1 processes-threads · p0 (pid 501)'],
	]);
	assert.deepEqual(names(file.events, 'thread_name'), [[1002, 4, 'p1 t1'], [1001, 1, 'p0 t0'], [1001, 2, 'p0 t1'], [1002, 3, 'p1 t0']]);
	assert.deepEqual(names(file.events, 'thread_sort_index'), [[1002, 4, 1001], [1001, 1, 0], [1001, 2, 1], [1002, 3, 1000]]);
	const slices = file.events.filter(e => e.ph === 'X');
	assert.deepEqual(slices.map(e => [e.name, e.pid, e.tid, e.ts, e.dur, e.cat]), [
		['task 1', 1002, 4, 12_000, 100_000, 'completed'],
		['task 0', 1001, 1, 10_000, 100_000, 'completed'],
		['task 2', 1001, 2, 110_000, 20_000, 'failed'],
	]);
	assert.equal(file.events.filter(e => e.ph === 'b' || e.ph === 'e').length, 0, 'blocking lanes use X only');
	assert.deepEqual(file.metadata?.['tasks'], {seen: 3, written: 3});
});

test('async: a b/e pair per task with the run and task in the id, so overlapping requests on one loop do not nest', async () => {
	const file = memoryFile();
	const tracer = createTracer(file, T0);
	tracer.runStarted(info('async', 2), T0);
	tracer.events([up(0, 0, 0, 700), end(0, 5, 150, 140), end(0, 6, 151, 139), end(0, 7, 152, 1)]);
	await tracer.close();
	assert.deepEqual(names(file.events, 'thread_name'), [[2001, 1, 'loop']]);
	const pairs = file.events.filter(e => e.ph === 'b' || e.ph === 'e').map(e => [e.ph, e.id, e.ts, e.cat]);
	assert.deepEqual(pairs, [
		['b', '2.5', 10_000, 'completed'], ['e', '2.5', 150_000, 'completed'],
		['b', '2.6', 12_000, 'completed'], ['e', '2.6', 151_000, 'completed'],
		['b', '2.7', 151_000, 'completed'], ['e', '2.7', 152_000, 'completed'],
	]);
	assert.equal(file.events.filter(e => e.ph === 'X').length, 0);
});

test('instants: the mode of each run, pause and resume, a worker death on its lane, tasks ended before any worker had them', async () => {
	const file = memoryFile();
	const tracer = createTracer(file, T0);
	tracer.runStarted(info('threads'), T0);
	tracer.events([up(0, 0, 0, 9), up(1, 0, 1, 9)]);
	tracer.paused(true, T0 + 50);
	tracer.paused(false, T0 + 60);
	tracer.events([{type: 'worker-exit', worker: 1, t: T0 + 70, code: 1}, {type: 'worker-exit', worker: 0, t: T0 + 90, code: 0}]);
	tracer.events([{type: 'tasks-end', worker: -1, t: T0 + 80, outcome: 'cancelled', count: 398, reason: 'cancelled'}]);
	tracer.runEnded(undefined, T0 + 100);
	tracer.runStarted(info('async', 2), T0 + 200);
	await tracer.close();
	const instants = file.events.filter(e => e.ph === 'i').map(e => [e.name, e.pid, e.tid, e.s, e.ts]);
	assert.deepEqual(instants, [
		['mode threads', 1000, undefined, 'g', 0],
		['pause', 1000, undefined, 'g', 50_000],
		['resume', 1000, undefined, 'g', 60_000],
		['worker died', 1001, 2, 't', 70_000],
		['398 tasks cancelled before a worker had them', 1000, undefined, 'g', 80_000],
		['run 1 threads could not complete', 1000, undefined, 'g', 100_000],
		['mode async', 2000, undefined, 'g', 200_000],
	]);
});

test('counters: CPU per core, requests in flight and throughput from each frame, on the run\'s own track', async () => {
	const file = memoryFile();
	const tracer = createTracer(file, processesSnapshot.t - 1000, 150);
	tracer.runStarted(processesSnapshot.run, processesSnapshot.t - 1000);
	tracer.frame(processesSnapshot);
	tracer.frame({...processesSnapshot, run: {...processesSnapshot.run, id: 9}});
	await tracer.close();
	const counters = file.events.filter(e => e.ph === 'C').map(e => [e.name, e.pid, e.ts, e.args]);
	assert.deepEqual(counters, [
		['cpu %', 1000, 1_000_000, {cpu0: 28, cpu1: 12, cpu2: 2, cpu3: 50}],
		['requests in flight', 1000, 850_000, {'in flight': 2}],
		['throughput req/s', 1000, 850_000, {'req/s': 19.6}],
	]);
});

test(`past ${FULL_TASKS} tasks one in ${SUBSET_EVERY} is kept, and the metadata and the note say so`, async () => {
	const file = memoryFile();
	const tracer = createTracer(file, T0);
	tracer.runStarted(info('sequential'), T0);
	tracer.events([up(0, 0, 0, 9)]);
	const extra = 1000;
	const batch: BusEvent[] = [];
	for (let task = 0; task < FULL_TASKS + extra; task++) {
		batch.push(end(0, task, task, 0.5));
	}

	tracer.events(batch);
	const note = await tracer.close();
	const written = file.events.filter(e => e.ph === 'X');
	assert.equal(written.length, FULL_TASKS + extra / SUBSET_EVERY);
	assert.ok(written.slice(FULL_TASKS).every(e => (e.args as {task: number}).task % SUBSET_EVERY === 0));
	assert.deepEqual(file.metadata?.['tasks'], {seen: FULL_TASKS + extra, written: FULL_TASKS + extra / SUBSET_EVERY});
	assert.match(String(file.metadata?.['subset']), /keeps one task in 100/);
	assert.equal(note, file.metadata?.['subset']);
});
