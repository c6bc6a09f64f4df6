import assert from 'node:assert/strict';
import {once} from 'node:events';
import {createReadStream, createWriteStream} from 'node:fs';
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {runCli} from '../helpers/cli.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-large-'));
after(async () => {
	await rm(dir, {recursive: true, force: true});
});

const MB = 1024 * 1024;

/** A recording of `mb` MB: full 100×30 frames of coloured block glyphs, each numbered, a marker every 500 frames. */
async function writeLargeCast(path: string, mb: number): Promise<number> {
	const out = createWriteStream(path);
	out.write(`${JSON.stringify({version: 2, width: 100, height: 30})}\n`);
	let bytes = 0;
	let frame = 0;
	for (; bytes < mb * MB; frame++) {
		const rows = Array.from({length: 30}, (_, row) => `\u001B[${row + 1};1H\u001B[3${(row + frame) % 8}m${'█░▒▓·'.repeat(18)} ${String(frame).padStart(8, '0')}\u001B[0m`);
		const line = `${frame % 500 === 0 ? `${JSON.stringify([frame * 0.1, 'm', `frame ${frame}`])}\n` : ''}${JSON.stringify([frame * 0.1, 'o', rows.join('')])}\n`;
		bytes += Buffer.byteLength(line);
		if (!out.write(line)) {
			await once(out, 'drain');
		}
	}

	out.end();
	await once(out, 'finish');
	return frame;
}

/** Lines of a file that hold `text`, counted as the file streams by. */
async function count(path: string, text: string): Promise<number> {
	let found = 0;
	let rest = '';
	for await (const chunk of createReadStream(path, {encoding: 'utf8'})) {
		const lines = (rest + (chunk as string)).split('\n');
		rest = lines.pop()!;
		found += lines.filter((line) => line.includes(text)).length;
	}

	return found + (rest.includes(text) ? 1 : 0);
}

test('a 60 MB recording exports to a still and a page with the JavaScript heap capped at 32 MB: read and written as streams', async () => {
	const cast = join(dir, 'large.cast');
	const frames = await writeLargeCast(cast, 60);
	const svg = join(dir, 'large.svg');
	const html = join(dir, 'large.html');
	// Reading the recording whole (a 60 MB string, then its events) cannot fit in a 32 MB heap.
	const {code, stdout, stderr} = await runCli(['export', cast, '--svg', svg, '--html', html], {env: {NODE_OPTIONS: '--max-old-space-size=32'}, timeoutMs: 120_000});
	assert.equal(code, 0, stderr);
	assert.match(stdout, /page with the player and \d+ chapters\n.*the screen at \d+\.\ds of \d+\.\ds\n$/);
	const still = await readFile(svg, 'utf8');
	assert.ok(still.includes(String(frames - 1).padStart(8, '0')), 'the still is the last frame');
	assert.ok(!still.includes(String(frames - 2).padStart(8, '0')), 'and only it');
	assert.equal(await count(html, '"[0.1,\\"o\\",'), 1, 'the page embeds each event once, one a line');
	assert.equal(await count(html, `,\\"o\\",`), frames, 'every frame');
	assert.ok((await stat(html)).size > (await stat(cast)).size, 'the whole recording');
});
