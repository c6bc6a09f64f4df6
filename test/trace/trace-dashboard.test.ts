import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, test} from 'node:test';
import type {TraceEvent} from '../../source/trace/trace-events.js';
import {killAll, startPty} from '../helpers/pty.js';
import {headerMode, linesOf, quit} from '../e2e/screens.js';

let dir: string | undefined;
afterEach(killAll);
after(async () => {
	await killAll();
	if (dir) {
		await rm(dir, {recursive: true, force: true});
	}
});

test('--trace with the dashboard: a pause, a mode switch by key and the quit all land in one file', async () => {
	dir = await mkdtemp(join(tmpdir(), 'concviz-trace-dash-'));
	const file = join(dir, 'dash.json');
	const pty = startPty(['--trace', file, '-m', 'threads', '-p', '2', '-n', '400', '--latency', '50'], {cols: 80, rows: 24});
	await pty.waitFor(s => headerMode(s) === 'threads' && /running/.test(linesOf(s)[0]!), 30_000);
	pty.write(' ');
	await pty.waitFor(/paused/, 5000);
	pty.write(' ');
	pty.write('5');
	await pty.waitFor(s => headerMode(s) === 'async' && /done/.test(linesOf(s)[0]!), 30_000);
	await quit(pty);
	const trace = JSON.parse(await readFile(file, 'utf8')) as {traceEvents: TraceEvent[]; metadata: {runs: Array<{mode: string; completed: number; cancelled: number}>}};
	const instants = trace.traceEvents.filter(e => e.ph === 'i').map(e => e.name);
	assert.deepEqual(instants.filter(name => /^(mode|pause|resume)/.test(name)), ['mode threads', 'pause', 'resume', 'mode async']);
	assert.deepEqual(trace.metadata.runs.map(r => r.mode), ['threads', 'async']);
	const [threads, async] = trace.metadata.runs;
	assert.ok(threads!.cancelled > 0, 'the key cancelled the threads run');
	assert.equal(async!.completed, 400);
	const slices = trace.traceEvents.filter(e => e.ph === 'X' || e.ph === 'b');
	const runOf = (e: TraceEvent): number => Math.floor(e.pid / 1000);
	assert.equal(slices.filter(e => runOf(e) === 2).length, 400, 'one slice per task of the async run');
});
