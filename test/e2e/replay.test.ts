import assert from 'node:assert/strict';
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, test} from 'node:test';
import {runCli} from '../helpers/cli.js';
import {killAll, startPty} from '../helpers/pty.js';
import {assertSummaryScreen, assertTerminalRestored, linesOf, quit, summaryOf} from './screens.js';

afterEach(killAll);
after(killAll);

const dir = await mkdtemp(join(tmpdir(), 'concviz-replay-e2e-'));
const save = join(dir, 'async.cvz');
const saved = await runCli(['-m', 'async', '-n', '4000', '--latency', '100', '-c', '200', '--json', '--save', save], {timeoutMs: 120_000});
assert.equal(saved.code, 0, saved.stderr);

const bar = (screen: string): string => linesOf(screen)[0] ?? '';
/** The replay's position on its bar (`▶ 1.2s / 2.5s`), ms. */
function positionOf(screen: string): number {
	const match = /(\d+(?:\.\d+)?)(ms|s) \/ \S+$/.exec(bar(screen));
	assert.ok(match, `no position on the replay's bar:\n${screen}`);
	return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

for (const [cols, rows] of [[80, 24], [160, 48]] as const) {
	test(`a saved async run replayed at ${cols}×${rows}: paused, sought back and forth, at ×4, then q leaves its summary; no server, no workers`, async () => {
		const pty = startPty(['replay', save], {cols, rows});
		await pty.waitFor(s => /^replay · recorded \d{4}-\d\d-\d\d \d\d:\d\d on \d+ cores · ×1/.test(bar(s)) && /async\s+io · n=4,000/.test(s), 20_000);
		pty.write(' ');
		const paused = await pty.waitFor(s => /❚❚ paused/.test(bar(s)), 5000);
		const at = positionOf(paused);
		pty.write('\u001B[C');
		const ahead = await pty.waitFor(s => positionOf(s) > at, 5000);
		assert.ok(positionOf(ahead) >= Math.min(at + 4900, 2000), `→ seeks 5 s (or to the end):\n${ahead}`);
		pty.write('\u001B[D');
		await pty.waitFor(s => positionOf(s) < positionOf(ahead), 5000);
		pty.write('\u001B[H');
		await pty.waitFor(s => positionOf(s) === 0, 5000);
		pty.write(']]');
		await pty.waitFor(s => / · ×4 /.test(bar(s)), 5000);
		pty.write(' ');
		const playing = await pty.waitFor(s => /▶/.test(bar(s)) && positionOf(s) > 0, 5000);
		assert.match(playing, /in flight/);
		const done = await pty.waitFor(s => /✓ done/.test(s), 20_000);
		assert.match(done, /4,000\/4,000/);
		assert.deepEqual(pty.seenDescendants(), [], 'a replay starts no server and no workers');
		await quit(pty);
		const final = pty.screen();
		assertSummaryScreen(final, summaryOf('async', '4,000'));
		assertTerminalRestored(pty.raw(), final);
	});
}

test('a replay draws in the language asked, whatever the run was saved in', async () => {
	const pty = startPty(['replay', save, '--lang', 'pt'], {cols: 100, rows: 30});
	await pty.waitFor(s => /n=4\.000/.test(s), 20_000);
	await quit(pty);
});
