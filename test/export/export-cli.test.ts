import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';
import {after, test} from 'node:test';
import {promisify} from 'node:util';
import {XMLValidator} from 'fast-xml-parser';
import {runCli} from '../helpers/cli.js';
import {SMALL_CAST} from './cast-fixture.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-export-'));
after(async () => {
	await rm(dir, {recursive: true, force: true});
});
const cast = join(dir, 'small.cast');
await writeFile(cast, SMALL_CAST);

/** Debian's chromium (or another Chromium) on PATH, if there is one. */
function findChromium(): string | undefined {
	const names = ['chromium', 'chromium-browser', 'google-chrome'];
	for (const folder of (process.env['PATH'] ?? '').split(delimiter)) {
		for (const name of names) {
			if (existsSync(join(folder, name))) {
				return join(folder, name);
			}
		}
	}

	return undefined;
}

const oneLine = (stderr: string): string => {
	const lines = stderr.trimEnd().split('\n');
	assert.equal(lines.length, 1, stderr);
	assert.doesNotMatch(stderr, /\n\s+at /);
	return lines[0]!;
};

test('export: a missing or malformed recording, or no output asked for → exit 2, one line', async () => {
	const bad = join(dir, 'bad.cast');
	await writeFile(bad, '{"version":2,"width":80,"height":24}\n[0.5,"o"]\n');
	const cases: [string[], RegExp][] = [
		[['export', join(dir, 'missing.cast'), '--svg', join(dir, 'x.svg')], /^concviz: .*missing\.cast: file not found$/],
		[['export', bad, '--html', join(dir, 'x.html')], /^concviz: .*bad\.cast: not an asciicast v2 recording \(line 2 is not a \[time, code, data\] event\)$/],
		[['export', cast], /^concviz: export needs --html OUT\.html or --svg OUT\.svg$/],
		[['export', '--svg', join(dir, 'x.svg')], /^concviz: export needs a recording/],
		[['export', cast, '--html', join(dir, 'x.html'), '--at', '3'], /^concviz: --at applies to --svg$/],
	];
	for (const [args, message] of cases) {
		const {code, stdout, stderr} = await runCli(args);
		assert.equal(code, 2, `${args.join(' ')}: ${stderr}`);
		assert.equal(stdout, '');
		assert.match(oneLine(stderr), message);
	}

	assert.ok(!existsSync(join(dir, 'x.svg')) && !existsSync(join(dir, 'x.html')), 'nothing written');
});

test('export --svg: one still frame, valid XML with the frame’s text', async () => {
	const out = join(dir, 'frame.svg');
	const {code, stdout, stderr} = await runCli(['export', cast, '--svg', out, '--at', '1']);
	assert.equal(code, 0, stderr);
	assert.equal(stdout, `${out}: the screen at 1.0s of 1.5s\n`);
	const svg = await readFile(out, 'utf8');
	assert.equal(XMLValidator.validate(svg), true);
	assert.match(svg, />hello &lt;tour&gt; &amp; friends</);
	assert.doesNotMatch(svg, /last frame/);
});

test('export --html: one self-contained page that plays offline in headless Chromium, markers as chapters', async (t) => {
	const out = join(dir, 'page.html');
	const {code, stdout, stderr} = await runCli(['export', cast, '--html', out]);
	assert.equal(code, 0, stderr);
	assert.equal(stdout, `${out}: page with the player and 1 chapter\n`);
	const html = await readFile(out, 'utf8');
	assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=/i, 'nothing to fetch');
	assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
	const chromium = findChromium();
	if (!chromium) {
		t.skip('no chromium found (apt-get install chromium): the page was not played');
		return;
	}

	// The CSP blocks every fetch, so a player that needed one would not draw the recording.
	const {stdout: dom} = await promisify(execFile)(chromium, [
		'--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
		'--virtual-time-budget=5000', '--dump-dom', `file://${out}`,
	], {timeout: 60_000, maxBuffer: 64 * 1024 * 1024});
	assert.match(dom, /class="ap-player/, 'the player is on the page');
	assert.match(dom, /<span class="ap-line"[^>]*>.*hello &lt;tour&gt; &amp; friends/, 'the poster is the recording’s screen');
	assert.match(dom, /<span class="ap-line"[^>]*>.*last frame/, 'its last frame');
	const chapters = [...dom.matchAll(/data-marker="(\d+)">([^<]+)</g)].map((m) => `${m[1]} ${m[2]}`);
	assert.deepEqual(chapters, ['0 1/11 Sequential – 4 URLs', '1 threads']);
});
