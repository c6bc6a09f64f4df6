import {test, after} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {TraceEvent} from '../../source/trace/trace-events.js';
import {runCli} from '../helpers/cli.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-trace-'));
after(async () => {
	await rm(dir, {recursive: true, force: true});
});

type Trace = {traceEvents: TraceEvent[]; metadata: {runs: Array<{id: number; mode: string}>; tasks: {seen: number; written: number}; subset: string | null}};

async function traced(name: string, args: string[]): Promise<{trace: Trace; results: Array<Record<string, number>>}> {
	const path = join(dir, name);
	const {code, stdout, stderr} = await runCli(['--trace', path, '--json', '--latency', '20', ...args]);
	assert.equal(code, 0, stderr);
	const json = JSON.parse(stdout) as Record<string, number> | Array<Record<string, number>>;
	return {trace: JSON.parse(await readFile(path, 'utf8')) as Trace, results: Array.isArray(json) ? json : [json]};
}

const tasksOf = (events: readonly TraceEvent[], pids: (pid: number) => boolean): TraceEvent[] =>
	events.filter(e => (e.ph === 'X' || e.ph === 'b') && pids(e.pid));

test('--trace in processes × threads: named tracks per process and lane, one slice per task, counters, instants in order', async () => {
	const {trace, results} = await traced('pt.json', ['-m', 'processes-threads', '-p', '2', '--threads', '2', '-n', '24']);
	const events = trace.traceEvents;
	const processNames = events.filter(e => e.ph === 'M' && e.name === 'process_name').map(e => (e.args as {name: string}).name);
	assert.equal(processNames.length, 3, 'the run, then p0 and p1');
	assert.match(processNames[0]!, /^run 1 processes-threads · io · n=24/);
	assert.deepEqual(processNames.slice(1).map(n => n.replace(/\(pid \d+\)/, '(pid)')).sort(), [
		'run 1 processes-threads · p0 (pid)', 'run 1 processes-threads · p1 (pid)',
	]);
	const threads = events.filter(e => e.ph === 'M' && e.name === 'thread_name').map(e => (e.args as {name: string}).name).sort();
	assert.deepEqual(threads, ['p0 t0', 'p0 t1', 'p1 t0', 'p1 t1']);
	const slices = tasksOf(events, () => true);
	assert.ok(slices.every(e => e.ph === 'X'), 'blocking lanes: X events');
	assert.deepEqual(slices.map(e => (e.args as {task: number}).task).sort((a, b) => a - b), Array.from({length: 24}, (_, i) => i));
	assert.equal(new Set(slices.map(e => `${e.pid}/${e.tid}`)).size, 4, 'tasks on the four lane tracks');
	for (const name of ['cpu %', 'requests in flight', 'throughput req/s']) {
		assert.ok(events.some(e => e.ph === 'C' && e.name === name), name);
	}

	const instants = events.filter(e => e.ph === 'i').map(e => e.name);
	assert.equal(instants[0], 'mode processes-threads');
	assert.equal(instants.at(-1), 'run 1 processes-threads ended');
	assert.deepEqual(trace.metadata.tasks, {seen: 24, written: 24});
	assert.equal(trace.metadata.subset, null);
	assert.equal(results[0]!['completed'], 24);
});

test('--trace with compare: one file, the six runs one after another, async modes as b/e pairs', async () => {
	const {trace, results} = await traced('compare.json', ['compare', '-p', '2', '--threads', '2', '-c', '4', '-n', '8']);
	const events = trace.traceEvents;
	assert.deepEqual(trace.metadata.runs.map(r => r.mode), ['sequential', 'processes', 'threads', 'processes-threads', 'async', 'processes-async']);
	const modes = events.filter(e => e.ph === 'i' && e.name.startsWith('mode ')).map(e => e.name);
	assert.equal(modes.length, 6);
	for (const [i, result] of results.entries()) {
		const run = (i + 1) * 1000;
		const inRun = (pid: number): boolean => pid >= run && pid < run + 1000;
		const slices = tasksOf(events, inRun);
		assert.equal(slices.length, result['completed']! + result['failed']!, `run ${i + 1}: one slice per task`);
		const loop = i >= 4;
		assert.ok(slices.every(e => e.ph === (loop ? 'b' : 'X')), `run ${i + 1}: ${loop ? 'b/e' : 'X'}`);
		if (loop) {
			const ends = new Map(events.filter(e => e.ph === 'e' && inRun(e.pid)).map(e => [e.id, e.ts!]));
			assert.equal(ends.size, slices.length);
			assert.ok(slices.every(b => ends.get(b.id)! >= b.ts!), 'every b has its e, not before it');
		}

		// Ordering: the run's slices lie between its mode instant and its end instant, and after the previous run ended.
		const begin = events.find(e => e.ph === 'i' && e.pid === run && e.name.startsWith('mode '))!.ts!;
		const end = events.find(e => e.ph === 'i' && e.pid === run && e.name.endsWith(' ended'))!.ts!;
		assert.ok(slices.every(e => e.ts! >= begin && e.ts! + (e.dur ?? 0) <= end), `run ${i + 1} within its instants`);
		if (i > 0) {
			const previousEnd = events.find(e => e.ph === 'i' && e.pid === i * 1000 && e.name.endsWith(' ended'))!.ts!;
			assert.ok(begin >= previousEnd, `run ${i + 1} starts after run ${i} ended`);
		}
	}
});

test('--trace to a file that cannot be written: exit 2, one line, nothing run', async () => {
	const {code, stdout, stderr} = await runCli(['--trace', join(dir, 'missing', 'x.json'), '-n', '4', '--json']);
	assert.equal(code, 2);
	assert.equal(stdout, '');
	assert.equal(stderr, `concviz: --trace: cannot write ${join(dir, 'missing', 'x.json')}: no such directory\n`);
});
