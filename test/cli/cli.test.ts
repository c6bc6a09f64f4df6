import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, writeFile, chmod} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {HELP} from '../../source/cli/help.js';
import {descendants, runCli} from '../helpers/cli.js';
import {isAlive} from '../helpers/processes.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-cli-'));
const file = async (name: string, text: string): Promise<string> => {
	const path = join(dir, name);
	await writeFile(path, text);
	return path;
};

test('--help prints the usage text', async () => {
	const {code, stdout} = await runCli(['--help']);
	assert.equal(code, 0);
	assert.equal(stdout.trim(), HELP.trim());
});

const unreadable = await file('unreadable.txt', 'http://127.0.0.1:1/\n');
await chmod(unreadable, 0o000);
const badInputs: Array<[string[], RegExp]> = [
	[['--mode', 'fibers'], /unknown mode 'fibers'/],
	[['--work', 'gpu'], /unknown work 'gpu'/],
	[['-n', '0'], /--requests must be a positive whole number/],
	[['-n', '2.5'], /--requests must be a whole number/],
	[['--workers', '-1'], /--workers must be a positive whole number/],
	[['--threads', 'x'], /--threads must be a whole number/],
	[['-c', '0'], /--concurrency must be a positive whole number/],
	[['--timeout', '0'], /--timeout must be a positive whole number/],
	[['--cpu-ms', '-3'], /--cpu-ms must be a positive whole number/],
	[['--latency', '-1'], /--latency must be 0 or more/],
	[['--jitter', '-1'], /--jitter must be 0 or more/],
	[['--fail-rate', '2'], /--fail-rate must be between 0 and 1/],
	[['--urls', join(dir, 'missing.txt')], /--urls: file not found/],
	[['--urls', await file('empty.txt', '')], /--urls: no valid URL/],
	[['--urls', await file('comments.txt', '# only a comment\n\n')], /--urls: no valid URL/],
	[['--urls', await file('invalid.txt', 'ftp://x\nnot a url\n')], /--urls: no valid URL.*\b1, 2\b/],
	...(process.getuid?.() === 0 ? [] : [[['--urls', unreadable], /--urls: cannot read/]] as Array<[string[], RegExp]>),
	[['--frobnicate'], /unknown option --frobnicate/],
	[['--mdoe', 'async'], /^concviz: unknown option --mdoe; did you mean --mode\?$/],
	[['-n', '1.2345k'], /--requests must be a whole number \(4000, 4,000, 4_000, 4k, 4e3, 1.5k, 4M\), got '1.2345k'/],
	[['--record', join(dir, 'no-such-dir', 'x.cast')], /--record: cannot write .*x\.cast: no such directory/],
	[['--record', dir], /--record: cannot write .*: it is a directory/],
	[['--urls', dir], /--urls: .* is a directory/],
	[['launch'], /unknown command 'launch'/],
];

for (const [args, message] of badInputs) {
	test(`bad input: concviz ${args.join(' ')} → exit 2, one line on stderr, nothing on stdout`, async () => {
		const {code, stdout, stderr} = await runCli(args);
		assert.equal(code, 2, stderr);
		assert.equal(stdout, '');
		const lines = stderr.trimEnd().split('\n');
		assert.equal(lines.length, 1, stderr);
		assert.match(lines[0]!, message);
		assert.doesNotMatch(stderr, /\n\s+at /);
	});
}

for (const args of [['-n', '3', '-n', '4'], ['--requests=3', '--requests=4'], ['-n', '2', '--requests', '4']]) {
	test(`a flag given twice: concviz ${args.join(' ')} → the last wins`, async () => {
		const {code, stdout, stderr} = await runCli([...args, '-m', 'async', '--latency', '0', '--json']);
		assert.equal(code, 0, stderr);
		assert.equal((JSON.parse(stdout) as {requested: number}).requested, 4);
	});
}

test('counts as people write them: -n 0.02k runs 20 tasks', async () => {
	const {code, stdout, stderr} = await runCli(['-n', '0.02k', '-m', 'async', '--latency', '0', '--json']);
	assert.equal(code, 0, stderr);
	assert.equal((JSON.parse(stdout) as {requested: number}).requested, 20);
});

const OLD_NODE = '/usr/bin/node';
const oldNodeVersion = existsSync(OLD_NODE) ? execFileSync(OLD_NODE, ['--version'], {encoding: 'utf8'}).trim() : '';
test('started by a Node older than 22: one line naming the Node needed and the one found, exit 1', {skip: !/^v(1\d|2[01])\./.test(oldNodeVersion) && `no Node < 22 at ${OLD_NODE}`}, async () => {
	const {code, stdout, stderr} = await runCli(['-n', '3'], {node: OLD_NODE});
	assert.equal(code, 1);
	assert.equal(stdout, '');
	assert.equal(stderr, `concviz: needs Node.js 22 or newer; this is Node.js ${oldNodeVersion.slice(1)}\n`);
});

const RESULT_KEYS = [
	'mode', 'runtime', 'work', 'requested', 'completed', 'failed', 'cancelled', 'wallMs', 'pausedMs', 'predictedMs', 'bound', 'model', 'requestsPerSecond',
	'latencyMs', 'failures', 'cpu', 'workers', 'maxInFlight', 'startupMs', 'startup', 'peakRssBytes', 'clientCost',
];

test('--json prints exactly one result object with the README fields', async () => {
	const {code, stdout, stderr} = await runCli(['-m', 'threads', '-p', '2', '-n', '20', '--latency', '20', '--json']);
	assert.equal(code, 0, stderr);
	assert.equal(stderr, '');
	const result = JSON.parse(stdout) as Record<string, unknown>;
	assert.deepEqual(Object.keys(result), RESULT_KEYS);
	assert.equal(result['mode'], 'threads');
	assert.equal(result['completed'], 20);
	assert.equal(result['maxInFlight'], 2);
	assert.ok((result['wallMs'] as number) >= (result['predictedMs'] as number));
	assert.equal(result['pausedMs'], 0, 'a run never paused');
	// Two terms; the larger predicts and names the bound.
	const model = result['model'] as {latency: {ms: number; formula: string}; cpu: {ms: number; formula: string}};
	assert.equal(model.latency.formula, 'n·T/W = 20·20ms/2');
	assert.match(model.cpu.formula, /^n·\(c\+s\+m\)\/cores = 20·\(\d+µs\+\d+µs\+\d+µs\)\/\d+$|^n·c\/min\(W,cores\) = /);
	assert.equal(result['bound'], model.latency.ms >= model.cpu.ms ? 'latency' : 'cpu');
	assert.equal(result['predictedMs'], Math.max(model.latency.ms, model.cpu.ms));
});

test('cpu work reports its calibration', async () => {
	const {code, stdout, stderr} = await runCli(['-w', 'cpu', '--cpu-ms', '2', '-n', '10', '--json']);
	assert.equal(code, 0, stderr);
	const result = JSON.parse(stdout) as {completed: number; calibration: {cpuMs: number; units: number}};
	assert.equal(result.completed, 10);
	assert.equal(result.calibration.cpuMs, 2);
	assert.ok(result.calibration.units > 0);
});

test('compare --json prints an array, one object per mode, in key order', async () => {
	const {code, stdout, stderr} = await runCli(['compare', '-n', '12', '--latency', '10', '-p', '2', '--threads', '2', '-c', '4', '--json'], {timeoutMs: 120_000});
	assert.equal(code, 0, stderr);
	const results = JSON.parse(stdout) as Array<{mode: string; completed: number}>;
	assert.deepEqual(results.map(({mode}) => mode), ['sequential', 'processes', 'threads', 'processes-threads', 'async', 'processes-async']);
	assert.ok(results.every(({completed}) => completed === 12));
});

test('a non-terminal stdout without --json gets a plain table, progress on stderr', async () => {
	const {code, stdout, stderr} = await runCli(['-n', '30', '--latency', '50']);
	assert.equal(code, 0, stderr);
	assert.match(stdout, /^mode\s+work\s+n\s+completed/);
	assert.match(stdout, /\nsequential\s+io\s+30\s+30\s+0\s+0\s/);
	assert.match(stderr, /sequential io: \d+\/30 done/);
});

test('--fail-rate 0.5: failures counted by reason, completed + failed == n, exit 0', async () => {
	const {code, stdout} = await runCli(['-m', 'async', '-n', '60', '--latency', '5', '--fail-rate', '0.5', '--seed', '3', '--json']);
	assert.equal(code, 0);
	const result = JSON.parse(stdout) as {completed: number; failed: number; failures: Record<string, number>};
	assert.ok(result.failed > 0);
	assert.equal(result.completed + result.failed, 60);
	assert.deepEqual(result.failures, {'status 500': result.failed});
});

test('the plain summary names the failures by reason, as the dashboard does', async () => {
	const {code, stdout, stderr} = await runCli(['-m', 'async', '-n', '60', '--latency', '5', '--fail-rate', '0.5', '--seed', '3']);
	assert.equal(code, 0, stderr);
	const failed = Number(/\nasync\s+io\s+60\s+\d+\s+(\d+)\s/.exec(stdout)?.[1]);
	assert.ok(failed > 0, stdout);
	assert.match(stdout, new RegExp(`\n\nfailures, async: status 500 ×${failed}\n$`));
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	test(`${signal} mid-run: workers and server end, JSON still printed with the rest cancelled`, async () => {
		let pids: number[] = [];
		const {code, stdout} = await runCli(['-m', 'processes', '-p', '2', '-n', '400', '--latency', '100', '--json'], {
			onSpawn(child) {
				// Once the server and both workers are up (the client calibration comes first, slower on a busy machine), and a little more.
				const poll = setInterval(async () => {
					const now = await descendants(child.pid!);
					if (now.length >= 3 && pids.length === 0) {
						pids = now;
						clearInterval(poll);
						setTimeout(() => child.kill(signal), 500);
					}
				}, 100);
				child.once('exit', () => clearInterval(poll));
			},
		});
		assert.equal(code, 0);
		const result = JSON.parse(stdout) as {requested: number; completed: number; failed: number; cancelled: number};
		assert.ok(result.cancelled > 0);
		assert.equal(result.completed + result.failed + result.cancelled, 400);
		assert.ok(pids.length >= 3, `expected the server and 2 worker processes, saw ${pids.length}`);
		await new Promise((resolve) => setTimeout(resolve, 200));
		const alive = pids.filter((pid) => isAlive(pid));
		assert.deepEqual(alive, []);
	});
}
