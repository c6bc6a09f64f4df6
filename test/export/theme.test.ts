import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, test} from 'node:test';
import {XMLValidator} from 'fast-xml-parser';
import {TERMINAL_COLOURS, coloursOf, headerTheme} from '../../source/config/terminal-colours.js';
import {parseCast} from '../../source/export/cast.js';
import {castToHtml} from '../../source/export/html.js';
import {screenAt} from '../../source/export/screen-at.js';
import {shadeDots} from '../../source/export/shade.js';
import {screenToSvg} from '../../source/export/svg.js';
import {runCli} from '../helpers/cli.js';
import {killAll, startPty} from '../helpers/pty.js';
import {headerMode, linesOf, quit} from '../e2e/screens.js';
import {SMALL_CAST} from './cast-fixture.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-theme-'));
afterEach(killAll);
after(async () => {
	await killAll();
	await rm(dir, {recursive: true, force: true});
});

const background = (svg: string): string => /<rect width="100%" height="100%" rx="6" fill="(#[\da-f]{6})"\/>/.exec(svg)![1]!;
const textFills = (svg: string): Set<string> => new Set([...svg.matchAll(/<text [^>]*fill="(#[\da-f]{6})"/g)].map((m) => m[1]!));

test('a header theme is read back: 16 colours, or 8 that the bright ones repeat; a malformed one is ignored', () => {
	const light = TERMINAL_COLOURS.light;
	assert.deepEqual(coloursOf(headerTheme(light)), light);
	const eight = light.palette.slice(0, 8);
	assert.deepEqual(coloursOf({fg: light.fg, bg: light.bg, palette: eight.join(':')})?.palette, [...eight, ...eight]);
	for (const bad of [undefined, null, 'dark', {fg: '#fff', bg: '#000000', palette: eight.join(':')}, {fg: '#ffffff', bg: '#000000', palette: 'red:green'}]) {
		assert.equal(coloursOf(bad), undefined, JSON.stringify(bad));
	}
});

test('a recording without a theme keeps the dark look; with one, its background, foreground and palette', async () => {
	const dark = screenToSvg(await screenAt(parseCast(SMALL_CAST)));
	assert.equal(background(dark), TERMINAL_COLOURS.dark.bg);
	const [head, ...events] = SMALL_CAST.split('\n');
	const themed = [JSON.stringify({...JSON.parse(head!) as object, theme: headerTheme(TERMINAL_COLOURS.light)}), ...events].join('\n');
	const svg = screenToSvg(await screenAt(parseCast(themed)));
	assert.equal(XMLValidator.validate(svg), true);
	assert.equal(background(svg), TERMINAL_COLOURS.light.bg);
	// "hello" in the default foreground; the bold cyan "last frame" in the palette's bright cyan.
	assert.deepEqual(textFills(svg), new Set([TERMINAL_COLOURS.light.fg, TERMINAL_COLOURS.light.palette[14]]));
	assert.match(svg, new RegExp(`fill="${TERMINAL_COLOURS.light.palette[2]}"`), '████ in the palette’s green');
});

test('shades (░▒▓) are dots in the cell’s own colour, a quarter, half or three quarters of a pattern that runs on without seams', async () => {
	const svg = screenToSvg(await screenAt(parseCast(SMALL_CAST)));
	const {fg} = TERMINAL_COLOURS.dark;
	const fills = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="16.8" height="15" fill="([^"]+)"\/>/g)].map((m) => m[1]);
	const id = fg.slice(1);
	assert.deepEqual(fills, [`url(#shade-25-${id})`, `url(#shade-50-${id})`], '░░ and ▒▒: one rectangle each, two cells wide');
	const dots = (share: number): string[] => [.../<pattern id="shade-(\d+)-[\da-f]+" width="4" height="2" patternUnits="userSpaceOnUse"[^>]*>(.*?)<\/pattern>/g.exec(svg.slice(svg.indexOf(`id="shade-${share}-`) - 9))![2]!.matchAll(/fill="(#[\da-f]{6})"/g)].map((m) => m[1]!);
	assert.deepEqual(dots(25), [fg, fg], 'a quarter of the tile’s 8 dots, in the glyph’s colour');
	assert.deepEqual(dots(50), [fg, fg, fg, fg]);
	assert.doesNotMatch(svg, /opacity/, 'no shade drawn with an opacity');
	assert.deepEqual(shadeDots(0.75).length, 6);
});

test('--theme light --record: the SVG and the page are drawn on the light background in the light foreground', async () => {
	const cast = join(dir, 'light.cast');
	const pty = startPty(['--theme', 'light', '--record', cast, '-n', '4', '--latency', '20'], {cols: 80, rows: 24});
	await pty.waitFor((s) => headerMode(s) === 'sequential' && /✓ done/.test(linesOf(s)[0]!), 30_000);
	await quit(pty);
	const header = JSON.parse((await readFile(cast, 'utf8')).split('\n')[0]!) as Record<string, unknown>;
	assert.deepEqual(header['theme'], headerTheme(TERMINAL_COLOURS.light), 'the header carries the theme’s colours');

	const svgFile = join(dir, 'light.svg');
	const htmlFile = join(dir, 'light.html');
	for (const args of [['--svg', svgFile, '--at', '1'], ['--html', htmlFile]]) {
		const {code, stderr} = await runCli(['export', cast, ...args]);
		assert.equal(code, 0, stderr);
	}

	const svg = await readFile(svgFile, 'utf8');
	assert.equal(background(svg), TERMINAL_COLOURS.light.bg);
	assert.ok(textFills(svg).has(TERMINAL_COLOURS.light.fg), 'text in the light foreground');
	assert.ok(!textFills(svg).has(TERMINAL_COLOURS.dark.fg), 'none in the dark one');
	const html = await readFile(htmlFile, 'utf8');
	assert.match(html, new RegExp(`background: ${TERMINAL_COLOURS.light.bg};`), 'the page around the player too');
	assert.ok(html.includes(JSON.stringify(JSON.stringify(headerTheme(TERMINAL_COLOURS.light)).slice(1, -1)).slice(1, -1)), 'the recording embedded with its theme, which the player uses');
	assert.doesNotMatch(html, /theme: ?['"]/, 'no player theme that would override it');
});

test('the page draws the player’s shades (its 25/50/75 % alphas) as the same dots, and masks its block glyphs to leave the gap between lines', async () => {
	const page = await castToHtml(parseCast(SMALL_CAST), 'dark');
	assert.match(page, new RegExp(`const dots = ${JSON.stringify({0.25: shadeDots(0.25), 0.5: shadeDots(0.5), 0.75: shadeDots(0.75)}).replaceAll(/[[\]{}.]/g, '\\$&')};`));
	assert.ok(page.indexOf('const dots') < page.indexOf('AsciinemaPlayer.create'), 'before the player draws');
	assert.match(page, /div\.ap-term canvas \{\n\t--concviz-glyph: linear-gradient\(to bottom, transparent 5\.88%, #000 5\.88% 94\.12%, transparent 94\.12%\);/);
	assert.match(page, /mask-size: 100% calc\(100% \/ var\(--term-rows\)\);/);
	assert.match(page, /terminalLineHeight: 1\.2143,/, 'the SVG’s 17 px lines of a 14 px font');
});
