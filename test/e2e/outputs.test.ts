import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {closeSync, existsSync, openSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {CLI, descendants, runCli} from '../helpers/cli.js';
import {killAll, startPty} from '../helpers/pty.js';
import {assertAllGone, assertTerminalRestored, doneOf, exitWithin, headerMode, linesOf} from './screens.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-outputs-'));
afterEach(killAll);
after(async () => {
	await killAll();
	await rm(dir, {recursive: true, force: true});
});

const SHORT = ['-n', '5', '--latency', '10'];
/** No stack trace, no Node warning: what a failing output must never print. */
const NOISE = /node:|^\s+at |Warning|Error:/m;

/** concviz with stdout a file descriptor given (a file, /dev/full) and stderr a pipe, closed at once when `closeStderr`. */
async function runTo(args: readonly string[], stdoutPath: string, closeStderr = false): Promise<{code: number | null; stderr: string}> {
	const fd = openSync(stdoutPath, 'w');
	try {
		const child = spawn(process.execPath, [CLI, ...args], {stdio: ['ignore', fd, 'pipe']});
		const pipe = child.stderr!;
		let stderr = '';
		if (closeStderr) {
			// As `2> >(head -0)`: the reader is gone before concviz writes its first progress line.
			pipe.destroy();
		} else {
			pipe.setEncoding('utf8').on('data', (chunk: string) => {
				stderr += chunk;
			});
		}

		const code = await new Promise<number | null>((resolve, reject) => {
			child.on('error', reject);
			child.on('close', resolve);
		});
		return {code, stderr};
	} finally {
		closeSync(fd);
	}
}

describe('a failing output is one line, the others are still written, exit 1', () => {
	test('--json --trace /dev/full: the JSON result on stdout, one line on stderr, exit 1', async () => {
		const {code, stdout, stderr} = await runCli(['--json', '--trace', '/dev/full', ...SHORT]);
		assert.equal(stderr, 'concviz: --trace: cannot write /dev/full: no space left on device\n');
		assert.equal(code, 1);
		const result = JSON.parse(stdout) as {completed: number; requested: number};
		assert.equal(result.completed, 5);
	});

	test('--json > /dev/full: one line on stderr, exit 1', async () => {
		const {code, stderr} = await runTo(['--json', ...SHORT], '/dev/full');
		assert.equal(stderr, 'concviz: cannot write the result to stdout: no space left on device\n');
		assert.equal(code, 1);
	});

	test('the same in Portuguese with --lang pt', async () => {
		const {code, stderr} = await runTo(['--lang', 'pt', '--json', ...SHORT], '/dev/full');
		assert.equal(stderr, 'concviz: não foi possível escrever o resultado em stdout: sem espaço no dispositivo\n');
		assert.equal(code, 1);
	});

	test('stderr closed, stdout to a file: the plain result is in the file, exit 0', async () => {
		const path = join(dir, 'result.txt');
		// Long enough for progress lines after the first, each one a write to the closed pipe.
		const {code} = await runTo(['-n', '60', '--latency', '20'], path, true);
		assert.equal(code, 0);
		const table = linesOf(await readFile(path, 'utf8'));
		assert.match(table[0]!, /^mode\s+work\s+n\s+completed/);
		assert.match(table[1]!, /^sequential\s+io\s+60\s+60\s+0\s+0\s/);
	});
});

describe('--record without a dashboard says it records nothing', () => {
	test('with --json: one line, exit 0, no file', async () => {
		const path = join(dir, 'json.cast');
		const {code, stdout, stderr} = await runCli(['--json', '--record', path, ...SHORT]);
		assert.equal(stderr, `concviz: --record: nothing recorded to ${path}: --json draws no dashboard\n`);
		assert.equal(code, 0);
		assert.equal((JSON.parse(stdout) as {completed: number}).completed, 5);
		assert.equal(existsSync(path), false);
	});

	test('with a stdout that is not a terminal: the note first, then the plain run; in Portuguese too', async () => {
		const path = join(dir, 'plain.cast');
		const en = await runCli(['--record', path, ...SHORT]);
		assert.equal(linesOf(en.stderr)[0], `concviz: --record: nothing recorded to ${path}: stdout is not a terminal, so no dashboard is drawn`);
		assert.match(en.stdout, /^mode\s+work/);
		assert.equal(en.code, 0);
		const pt = await runCli(['--lang', 'pt', '--json', '--record', path, ...SHORT]);
		assert.equal(pt.stderr, `concviz: --record: nada foi gravado em ${path}: --json não desenha o painel\n`);
		assert.equal(existsSync(path), false);
	});
});

describe('the dashboard in a pseudo-terminal', () => {
	test('--record /dev/full: the dashboard runs, then one line under the summary, exit 1, no stack', async () => {
		const pty = startPty(['--record', '/dev/full', ...SHORT], {cols: 100, rows: 30});
		await pty.waitFor((s) => headerMode(s) === 'sequential' && /✓ done/.test(linesOf(s)[0]!), 20_000);
		pty.write('q');
		const exit = await exitWithin(pty, 5000, 'q');
		assert.equal(exit.exitCode, 1);
		const screen = pty.screen();
		const lines = linesOf(screen).filter((line) => line.trim() !== '');
		assert.equal(lines.at(-1), 'concviz: --record: cannot write /dev/full: no space left on device', screen);
		assert.equal(lines.filter((line) => line.startsWith('concviz:')).length, 1, screen);
		assert.doesNotMatch(await pty.buffer(), NOISE);
		assertTerminalRestored(pty.raw(), screen);
	});

	test('the terminal goes away mid-run: concviz ends as on SIGHUP, every worker gone, the cast and the trace whole', async () => {
		const cast = join(dir, 'hangup.cast');
		const trace = join(dir, 'hangup.json');
		const pty = startPty(['-m', 'processes', '-p', '2', '-n', '4000', '--latency', '50', '--record', cast, '--trace', trace], {cols: 100, rows: 30});
		await pty.waitFor((s) => headerMode(s) === 'processes' && doneOf(s) > 0, 20_000);
		const tree = await descendants(pty.pid);
		assert.ok(tree.length >= 3, `the server and two worker processes run under concviz: ${tree.join(', ')}`);

		pty.hangUp();
		const exit = await exitWithin(pty, 5000, 'the hang-up');
		assert.equal(exit.exitCode, 0, 'a quiet exit, as on SIGHUP');
		await assertAllGone([...tree, ...pty.seenDescendants()]);

		const {metadata} = JSON.parse(await readFile(trace, 'utf8')) as {metadata: {runs: Array<{completed: number; failed: number; cancelled: number}>}};
		assert.equal(metadata.runs.length, 1);
		const [run] = metadata.runs;
		assert.equal(run!.completed + run!.failed + run!.cancelled, 4000);
		assert.ok(run!.cancelled > 0, 'the run was cut short');
		const text = await readFile(cast, 'utf8');
		assert.ok(text.endsWith('\n'), 'the cast ends with a whole line');
		const [header, ...events] = text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as unknown);
		assert.equal((header as {version: number}).version, 2);
		assert.ok(events.length > 0 && events.every((event) => Array.isArray(event) && event.length === 3), 'every event a [time, kind, data] line');
	});
});
