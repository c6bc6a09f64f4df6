import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {runCli} from '../helpers/cli.js';
import {HOSTILE_PATHS, withHostileServer, type HostilePath} from '../helpers/hostile-server.js';

const hostile = await withHostileServer();
const dir = mkdtempSync(join(tmpdir(), 'concviz-hostile-'));
after(() => rmSync(dir, {recursive: true, force: true}));

type Result = {requested: number; completed: number; failed: number; cancelled: number; failures: Record<string, number>; peakRssBytes: number};

async function run(paths: readonly HostilePath[], name: string): Promise<Result> {
	const file = join(dir, name);
	writeFileSync(file, paths.map(path => hostile.url(path)).join('\n'));
	const {code, stdout, stderr} = await runCli(['-m', 'processes-async', '-p', '2', '-c', '8', '-n', String(paths.length * 10), '--timeout', '1500', '--urls', file, '--json']);
	assert.equal(code, 0, stderr);
	return JSON.parse(stdout) as Result;
}

test('the CLI against a hostile server: exit 0, every task counted, failures in words, peak RSS within a clean run + 200 MB', async t => {
	const all = Object.keys(HOSTILE_PATHS) as HostilePath[];
	const clean = await run(all.map(() => 'ok'), 'clean.txt');
	const bad = await run(all, 'hostile.txt');
	assert.equal(clean.completed, clean.requested);
	assert.equal(bad.completed + bad.failed + bad.cancelled, bad.requested);
	assert.equal(bad.cancelled, 0);
	for (const reason of ['connection reset (ECONNRESET)', 'timeout', 'not an HTTP response', 'too many redirects', 'redirect to a non-HTTP URL refused', 'body cut short (UND_ERR_SOCKET)', 'status 500', 'invalid status line', 'bad redirect location']) {
		assert.ok((bad.failures[reason] ?? 0) > 0, `${reason} missing from ${JSON.stringify(bad.failures)}`);
	}

	assert.ok(Object.keys(bad.failures).every(reason => !/^[A-Z_]+$/.test(reason) && !reason.startsWith('request failed')), JSON.stringify(bad.failures));
	t.diagnostic(`peak RSS: clean ${Math.round(clean.peakRssBytes / 2 ** 20)} MB, hostile ${Math.round(bad.peakRssBytes / 2 ** 20)} MB`);
	assert.ok(bad.peakRssBytes <= clean.peakRssBytes + 200 * 1024 * 1024, `hostile ${bad.peakRssBytes} vs clean ${clean.peakRssBytes}`);
});
