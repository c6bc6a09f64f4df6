import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, test} from 'node:test';
import {killAll, startPty} from '../helpers/pty.js';
import {assertAllGone, assertTerminalRestored, exitWithin, linesOf} from './screens.js';

afterEach(killAll);
after(killAll);

const RIGHT = '\u001B[C';
const LEFT = '\u001B[D';
const PAGE_DOWN = '\u001B[6~';
const PAGE_UP = '\u001B[5~';

const sceneOf = (screen: string): string | undefined => /^ (\d+\/15) /.exec(linesOf(screen)[0] ?? '')?.[1];

test('tour: the clicker keys move through the scenes, q ends with the summary of every scene', async () => {
	const pty = startPty(['tour', '--lang', 'en', '--latency', '20'], {cols: 100, rows: 30});
	let screen = await pty.waitFor((s) => sceneOf(s) === '1/15' && /✓ done/.test(s), 30_000);
	assert.match(linesOf(screen)[0]!, /^ 1\/15  Parallelism\s+→ next ← back$/);
	assert.match(screen, /Two or more tasks are executed literally at the same time\./);
	assert.match(screen, /tasks ─/, 'the definitions are played with the task view');
	assert.match(screen, /#7 p[01] /);
	assert.doesNotMatch(screen, /laid out for/, 'at 100×30 there is no size warning');
	const steps: [string, string][] = [[RIGHT, '2/15'], [PAGE_DOWN, '3/15'], [PAGE_UP, '2/15'], ['\r', '3/15'], [LEFT, '2/15'], ['r', '2/15']];
	for (const [key, expected] of steps) {
		pty.write(key);
		screen = await pty.waitFor((s) => sceneOf(s) === expected, 10_000);
	}

	screen = await pty.waitFor((s) => /concviz\s+async\s/.test(s) && /✓ done/.test(s), 30_000);
	assert.match(screen, /Two or more tasks start and end in spans of time that overlap\./);
	pty.write('v');
	screen = await pty.waitFor((s) => /lanes ─/.test(s), 5000);
	pty.write('3');
	screen = await pty.waitFor((s) => /concviz\s+threads\s/.test(s) && /✓ done/.test(s), 30_000);
	assert.equal(sceneOf(screen), '2/15', 'a dashboard key changes the run, not the scene');
	pty.write('q');
	const exit = await exitWithin(pty, 5000, 'q');
	assert.equal(exit.exitCode, 0);
	screen = pty.screen();
	assert.match(linesOf(screen)[0]!, /^concviz tour: 15 scenes, every figure measured on this machine$/);
	assert.match(screen, / 1 Parallelism\s+processes\s+8\/8 \S+, model \S+/);
	assert.match(screen, / 2 Concurrency\s+threads\s+40\/40 /);
	assert.match(screen, /15 The closing leaderboard.*not played/);
	assertTerminalRestored(pty.raw(), screen);
	await assertAllGone(pty.seenDescendants());
});

test('tour in Portuguese from the locale, with the size check at 80×24', async () => {
	const pty = startPty(['tour', '--latency', '20'], {cols: 80, rows: 24, env: {LANG: 'pt_BR.UTF-8'}});
	const screen = await pty.waitFor((s) => sceneOf(s) === '1/15' && /✓ concluído/.test(s), 30_000);
	assert.match(linesOf(screen)[0]!, /^ 1\/15  Paralelismo\s+feito para 100×30, agora 80×24  → próxima ← anterior$/);
	assert.match(screen, /Duas ou mais tarefas são executadas literalmente ao mesmo tempo\./);
	assert.match(screen, /█ num núcleo .*░ esperando/, 'the task view\'s legend in Portuguese');
	pty.write('q');
	const exit = await exitWithin(pty, 5000, 'q');
	assert.equal(exit.exitCode, 0);
	assert.match(linesOf(pty.screen())[0]!, /^concviz tour: 15 cenas/);
});

test('tour --record: one marker per scene, labelled with its title, and one per mode switch within a scene', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'concviz-tour-'));
	try {
		const file = join(dir, 'tour.cast');
		const pty = startPty(['tour', '--lang', 'en', '--latency', '20', '--record', file], {cols: 100, rows: 30});
		await pty.waitFor((s) => sceneOf(s) === '1/15' && /✓ done/.test(s), 30_000);
		pty.write(RIGHT);
		await pty.waitFor((s) => sceneOf(s) === '2/15' && /concviz\s+async\s/.test(s) && /✓ done/.test(s), 30_000);
		pty.write('3');
		await pty.waitFor((s) => /concviz\s+threads\s/.test(s), 30_000);
		pty.write(RIGHT);
		await pty.waitFor((s) => sceneOf(s) === '3/15', 30_000);
		pty.write('q');
		assert.equal((await exitWithin(pty, 5000, 'q')).exitCode, 0);
		const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').slice(1).map((line) => JSON.parse(line) as [number, string, string]);
		assert.deepEqual(lines.filter(([, kind]) => kind === 'm').map(([, , label]) => label), [
			'1/15 Parallelism',
			'2/15 Concurrency',
			'threads',
			'3/15 CPU-bound and I/O-bound',
		]);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});
