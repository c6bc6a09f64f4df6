import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {parseCast} from '../../source/export/cast.js';
import {createFrameTracker} from '../../source/export/frames.js';
import {runCli} from '../helpers/cli.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-frames-'));
after(async () => {
	await rm(dir, {recursive: true, force: true});
});

/** Frames as Ink writes them: begin synchronized update, the frame, end it. */
const frame = (text: string): string => `\u001B[?2026h\u001B[H\u001B[J${text}\u001B[?2026l`;
const DASHBOARD = [
	JSON.stringify({version: 2, width: 40, height: 5}),
	JSON.stringify([0.1, 'm', 'threads']),
	JSON.stringify([0.2, 'o', frame('dashboard one')]),
	JSON.stringify([0.3, 'o', frame('dashboard two')]),
	JSON.stringify([5, 'o', frame('the summary')]),
	JSON.stringify([5.01, 'o', '\u001B[?25h']),
	'',
].join('\n');

test('the last frame starts in the event that holds its start; with fewer than two frames there is no dashboard frame before it', () => {
	const frames = createFrameTracker();
	for (const event of parseCast(DASHBOARD).events) {
		frames.see(event);
	}

	assert.deepEqual(frames.lastFrameStart(), {index: 3, offset: 0, before: 0.3, time: 5});
	const one = createFrameTracker();
	one.see({time: 1, kind: 'o', data: frame('only')});
	assert.equal(one.lastFrameStart(), undefined);
});

test('without --at the still is the last dashboard frame, not the summary left on quitting; the page’s poster too', async () => {
	const cast = join(dir, 'dashboard.cast');
	await writeFile(cast, DASHBOARD);
	const svg = join(dir, 'last.svg');
	const html = join(dir, 'last.html');
	const {code, stdout, stderr} = await runCli(['export', cast, '--svg', svg, '--html', html]);
	assert.equal(code, 0, stderr);
	assert.equal(stdout, `${html}: page with the player and 1 chapter\n${svg}: the screen at 0.3s of 5.0s\n`);
	const still = await readFile(svg, 'utf8');
	assert.match(still, />dashboard two</);
	assert.doesNotMatch(still, /summary/);
	assert.match(await readFile(html, 'utf8'), /poster: 'npt:2\.650',/, 'between the last dashboard frame and the summary');

	const at = await runCli(['export', cast, '--svg', svg, '--at', '5']);
	assert.equal(at.code, 0, at.stderr);
	assert.match(await readFile(svg, 'utf8'), />the summary</, '--at still shows any moment');
});
