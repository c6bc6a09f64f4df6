import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm, truncate, writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {runCli} from '../helpers/cli.js';
import {SMALL_CAST} from './cast-fixture.js';
import {XML_FORBIDDEN, assertWellFormedXml} from './xml-check.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-untrusted-'));
after(async () => {
	await rm(dir, {recursive: true, force: true});
});

const bundle = await readFile(createRequire(import.meta.url).resolve('asciinema-player/dist/bundle/asciinema-player.min.js'), 'utf8');

const oneLine = (stderr: string): string => {
	const lines = stderr.trimEnd().split('\n');
	assert.equal(lines.length, 1, stderr);
	return lines[0]!;
};

/** Everything XML forbids, in the output, the title and the markers: C0 controls, U+FFFE/U+FFFF, lone surrogates. */
const HOSTILE = '\u0000\u0001\u0008\u000B\u001F\uFFFE\uFFFF\uD800 \uDFFF';
const hostileCast = (title: string | undefined): string => [
	JSON.stringify({version: 2, width: 40, height: 6, ...(title === undefined ? {} : {title})}),
	JSON.stringify([0.1, 'm', `chapter ${HOSTILE} <b>&`]),
	JSON.stringify([0.2, 'o', `A\uFFFFB\uFFFEC\uD800D\uDFFFE\u0001F\u007FG\u0085H\r\n`]),
	JSON.stringify([0.3, 'o', `\u001B]0;${HOSTILE}\u0007\u001B[31mred ${HOSTILE}\u001B[0m\r\n`]),
	JSON.stringify([0.4, 'o', 'lone \uD83D']),
	JSON.stringify([0.5, 'o', 'x wide \u{1F600} \u{10FFFF} end\r\n']),
	'',
].join('\n');

test('a hostile recording (forbidden characters in its output, title, markers and file name) exports to well-formed XML and a clean page', async () => {
	const titled = join(dir, 'titled.cast');
	// Without a title of its own, the page and the still are titled with the file's name.
	const named = join(dir, `name \u0001\uFFFF <&> "'.cast`);
	await writeFile(titled, hostileCast(`title ${HOSTILE} <&>`));
	await writeFile(named, hostileCast(undefined));
	for (const cast of [titled, named]) {
		const svg = `${cast}.svg`;
		const html = `${cast}.html`;
		const {code, stderr} = await runCli(['export', cast, '--svg', svg, '--html', html]);
		assert.equal(code, 0, stderr);
		await assertWellFormedXml(svg);
		const still = await readFile(svg, 'utf8');
		assert.match(still, /<title>[^<]*(title|name) [^<]*&lt;&amp;&gt;[^<]* at 0\.5s<\/title>/);
		assert.match(still, />A\uFFFDB\uFFFDC\uFFFDD\uFFFDE/, 'the characters XML forbids become U+FFFD; the rest of the line stays');
		assert.match(still, />red</);
		const page = await readFile(html, 'utf8');
		// The player's own bundle holds raw escape characters in its strings; the page's own text holds none.
		assert.equal(XML_FORBIDDEN.exec(page.replace(bundle, '')), null, 'nor any in the page');
		assert.match(page, /<title>[^<]*(title|name) [^<]*&lt;&amp;&gt;/);
		assert.match(page, /data-marker="0">chapter [^<]* &lt;b&gt;&amp;</);
	}
});

test('a terminal no screen has (over 1000×1000), in the header or a resize, is refused in one line before anything is drawn', async () => {
	const cases: [string, RegExp][] = [
		[JSON.stringify({version: 2, width: 100_000, height: 100_000}), /: the terminal is 100000×100000; export takes at most 1000×1000$/],
		[JSON.stringify({version: 2, width: 1001, height: 24}), /: the terminal is 1001×24; export takes at most 1000×1000$/],
		[[JSON.stringify({version: 2, width: 80, height: 24}), JSON.stringify([0.1, 'o', 'x']), JSON.stringify([0.2, 'r', '5000x5000'])].join('\n'), /: line 3 resizes the terminal to 5000×5000; export takes at most 1000×1000$/],
	];
	for (const [index, [text, message]] of cases.entries()) {
		const cast = join(dir, `huge-${index}.cast`);
		await writeFile(cast, `${text}\n`);
		for (const out of [['--svg', `${cast}.svg`], ['--html', `${cast}.html`]]) {
			const {code, stdout, stderr} = await runCli(['export', cast, ...out]);
			assert.equal(code, 2, stderr);
			assert.equal(stdout, '');
			assert.match(oneLine(stderr), message);
		}
	}
});

test('a recording past the page’s limit, or with a line past the line limit, is refused in one line', async () => {
	const cast = join(dir, 'sparse.cast');
	await writeFile(cast, `${JSON.stringify({version: 2, width: 80, height: 24})}\n`);
	// 200 MB that take no disk: the page refuses it from its size; the still reads up to the line limit.
	await truncate(cast, 200 * 1024 * 1024);
	const html = await runCli(['export', cast, '--html', join(dir, 'sparse.html')]);
	assert.equal(html.code, 2, html.stderr);
	assert.match(oneLine(html.stderr), /sparse\.cast: 200 MB; the page takes recordings of at most 128 MB \(the browser holds the whole recording\)$/);
	const svg = await runCli(['export', cast, '--svg', join(dir, 'sparse.svg')]);
	assert.equal(svg.code, 2, svg.stderr);
	assert.match(oneLine(svg.stderr), /sparse\.cast: not an asciicast v2 recording \(line 2 is longer than 64 MB\)$/);
});

test('a recording cut mid-line (its writer killed) exports up to its last whole event', async () => {
	const whole = SMALL_CAST.trimEnd();
	const cut = join(dir, 'cut.cast');
	await writeFile(cut, whole.slice(0, whole.lastIndexOf('last frame') + 4));
	const svg = join(dir, 'cut.svg');
	const html = join(dir, 'cut.html');
	const {code, stdout, stderr} = await runCli(['export', cut, '--svg', svg, '--html', html]);
	assert.equal(code, 0, stderr);
	assert.equal(stdout, `${html}: page with the player and 1 chapter\n${svg}: the screen at 1.0s of 1.0s\n`);
	const still = await readFile(svg, 'utf8');
	assert.match(still, /hello &lt;tour&gt;/);
	assert.doesNotMatch(still, /last/);
	const page = await readFile(html, 'utf8');
	assert.doesNotMatch(page, /last fr/, 'the cut line is not embedded for the player to choke on');

	// A bad line with a newline after it was written whole: still malformed.
	await writeFile(cut, `${whole.slice(0, whole.lastIndexOf('last frame') + 4)}\n`);
	const again = await runCli(['export', cut, '--svg', svg]);
	assert.equal(again.code, 2);
	assert.match(oneLine(again.stderr), /\(line 5 is not JSON\)$/);
});
