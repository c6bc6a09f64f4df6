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

const sceneOf = (screen: string): string | undefined => /^ (\d+\/11) /.exec(linesOf(screen)[0] ?? '')?.[1];

test('tour: the clicker keys move through the scenes, q ends with the summary of every scene', async () => {
	const pty = startPty(['tour', '--lang', 'en', '--latency', '20'], {cols: 100, rows: 30});
	let screen = await pty.waitFor((s) => sceneOf(s) === '1/11' && /✓ done/.test(s), 30_000);
	assert.match(linesOf(screen)[0]!, /^ 1\/11  Sequential – 4 URLs\s+→ next ← back$/);
	assert.match(screen, /Each task waits for the previous one to finish\./);
	assert.doesNotMatch(screen, /laid out for/, 'at 100×30 there is no size warning');
	const steps: [string, string][] = [[RIGHT, '2/11'], [PAGE_DOWN, '3/11'], [PAGE_UP, '2/11'], ['\r', '3/11'], [LEFT, '2/11'], ['r', '2/11']];
	for (const [key, expected] of steps) {
		pty.write(key);
		screen = await pty.waitFor((s) => sceneOf(s) === expected, 10_000);
	}

	screen = await pty.waitFor((s) => /concviz\s+processes\s/.test(s) && /✓ done/.test(s), 30_000);
	assert.match(screen, /Multiple processes – 4 URLs, one per CPU/);
	pty.write('3');
	screen = await pty.waitFor((s) => /concviz\s+threads\s/.test(s) && /✓ done/.test(s), 30_000);
	assert.equal(sceneOf(screen), '2/11', 'a dashboard key changes the run, not the scene');
	pty.write('q');
	const exit = await exitWithin(pty, 5000, 'q');
	assert.equal(exit.exitCode, 0);
	screen = pty.screen();
	assert.match(linesOf(screen)[0]!, /^concviz tour: 11 scenes, every figure measured on this machine$/);
	assert.match(screen, / 1 Sequential – 4 URLs\s+sequential\s+4\/4 \S+, model \S+/);
	assert.match(screen, / 2 Multiple processes – 4 URLs, …\s+threads\s+4\/4 /);
	assert.match(screen, /11 The closing leaderboard.*not played/);
	assertTerminalRestored(pty.raw(), screen);
	await assertAllGone(pty.seenDescendants());
});

test('tour in Portuguese from the locale, with the size check at 80×24', async () => {
	const pty = startPty(['tour', '--latency', '20'], {cols: 80, rows: 24, env: {LANG: 'pt_BR.UTF-8'}});
	const screen = await pty.waitFor((s) => sceneOf(s) === '1/11' && /✓ concluído/.test(s), 30_000);
	assert.match(linesOf(screen)[0]!, /^ 1\/11  Sequencial – 4 URLs\s+feito para 100×30, agora 80×24  → próxima ← anterior$/);
	assert.match(screen, /Cada tarefa precisa esperar pela finalização da anterior\./);
	assert.match(screen, /░ esperando I\/O .*· ociosa/, 'the legend in Portuguese');
	pty.write('q');
	const exit = await exitWithin(pty, 5000, 'q');
	assert.equal(exit.exitCode, 0);
	assert.match(linesOf(pty.screen())[0]!, /^concviz tour: 11 cenas/);
});

test('tour --record: one marker per scene, labelled with its title, and one per mode switch within a scene', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'concviz-tour-'));
	try {
		const file = join(dir, 'tour.cast');
		const pty = startPty(['tour', '--lang', 'en', '--latency', '20', '--record', file], {cols: 100, rows: 30});
		await pty.waitFor((s) => sceneOf(s) === '1/11' && /✓ done/.test(s), 30_000);
		pty.write(RIGHT);
		await pty.waitFor((s) => sceneOf(s) === '2/11' && /concviz\s+processes\s/.test(s) && /✓ done/.test(s), 30_000);
		pty.write('5');
		await pty.waitFor((s) => /concviz\s+async\s/.test(s), 30_000);
		pty.write(RIGHT);
		await pty.waitFor((s) => sceneOf(s) === '3/11', 30_000);
		pty.write('q');
		assert.equal((await exitWithin(pty, 5000, 'q')).exitCode, 0);
		const lines = (await readFile(file, 'utf8')).trimEnd().split('\n').slice(1).map((line) => JSON.parse(line) as [number, string, string]);
		assert.deepEqual(lines.filter(([, kind]) => kind === 'm').map(([, , label]) => label), [
			'1/11 Sequential – 4 URLs',
			'2/11 Multiple processes – 4 URLs, one per CPU',
			'async',
			'3/11 Multiple threads – 4 URLs, 4 threads',
		]);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
});
