import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {runCli} from '../helpers/cli.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-replay-'));
let files = 0;

/** A headless run saved, then replayed: both JSON results, and the replay's exit and stderr. */
async function liveAndReplayed(args: readonly string[], live: {kill?: number} = {}) {
	const save = join(dir, `run-${++files}.cvz`);
	const ran = await runCli([...args, '--json', '--save', save], {
		timeoutMs: 120_000,
		onSpawn(child) {
			if (live.kill !== undefined) {
				setTimeout(() => child.kill('SIGTERM'), live.kill);
			}
		},
	});
	assert.equal(ran.code, 0, ran.stderr);
	const replayed = await runCli(['replay', save, '--json'], {timeoutMs: 60_000});
	return {live: ran.stdout, replayed};
}

test('replay --json prints what compare printed, for every mode (one saved session)', async () => {
	const {live, replayed} = await liveAndReplayed(['compare', '-n', '120', '--latency', '10', '-p', '2', '--threads', '2', '-c', '40']);
	assert.equal(replayed.code, 0, replayed.stderr);
	assert.equal(replayed.stderr, '');
	assert.equal(replayed.stdout, live);
	const results = JSON.parse(live) as Array<{mode: string; requested: number; completed: number; failed: number; cancelled: number}>;
	assert.deepEqual(results.map(r => r.mode), ['sequential', 'processes', 'threads', 'processes-threads', 'async', 'processes-async']);
	for (const r of results) {
		assert.equal(r.completed + r.failed + r.cancelled, r.requested);
	}
});

for (const mode of ['processes-threads', 'processes-async'] as const) {
	test(`replay --json prints what a ${mode} run of mixed work printed (its calibration too)`, async () => {
		const {live, replayed} = await liveAndReplayed(['-m', mode, '-w', 'mixed', '--cpu-ms', '2', '-n', '80', '--latency', '5', '-p', '2', '--threads', '2', '-c', '8']);
		assert.equal(replayed.code, 0, replayed.stderr);
		assert.equal(replayed.stdout, live);
		assert.ok('calibration' in JSON.parse(live));
	});
}

test('replay --json prints what an open-model run printed (--rate: its schedule and service times)', async () => {
	const {live, replayed} = await liveAndReplayed(['-m', 'async', '--rate', '400', '-n', '200', '--latency', '5', '--fail-rate', '0.1', '--seed', '7']);
	assert.equal(replayed.code, 0, replayed.stderr);
	assert.equal(replayed.stdout, live);
	const result = JSON.parse(live) as {rate: unknown; failures: Record<string, number>};
	assert.ok(result.rate);
	assert.ok((result.failures['status 500'] ?? 0) > 0);
});

test('replay --json prints what a run cancelled half-way printed (SIGTERM)', async () => {
	const {live, replayed} = await liveAndReplayed(['-m', 'threads', '-n', '100000', '--latency', '50', '-p', '2'], {kill: 2500});
	assert.equal(replayed.code, 0, replayed.stderr);
	assert.equal(replayed.stdout, live);
	const result = JSON.parse(live) as {requested: number; completed: number; failed: number; cancelled: number};
	assert.ok(result.cancelled > 0);
	assert.equal(result.completed + result.failed + result.cancelled, result.requested);
});

test('--save to a file that cannot be written is refused before the run: one line, exit 2', async () => {
	const {code, stdout, stderr} = await runCli(['-n', '4', '--json', '--save', join(dir, 'missing', 'x.cvz')]);
	assert.equal(code, 2);
	assert.equal(stdout, '');
	assert.match(stderr, /^concviz: --save: cannot write .*x\.cvz: no such directory\n$/);
});
