import assert from 'node:assert/strict';
import {test} from 'node:test';
import {XMLParser, XMLValidator} from 'fast-xml-parser';
import {parseCast} from '../../source/export/cast.js';
import {screenAt} from '../../source/export/screen-at.js';
import {screenToSvg} from '../../source/export/svg.js';
import {SMALL_CAST} from './cast-fixture.js';

type Node = Record<string, unknown>;
const texts = (svg: string): string[] => {
	const parsed = new XMLParser({ignoreAttributes: false, textNodeName: '#text', isArray: (name) => name === 'text' || name === 'rect' || name === 'g'}).parse(svg) as {svg: {g: {text?: Node[]; rect?: Node[]}[]}};
	return parsed.svg.g.flatMap((g) => (g.text ?? []).map((t) => String(t['#text'])));
};

test('the last frame as SVG: valid XML, the frame’s text, escaped', async () => {
	const svg = screenToSvg(await screenAt(parseCast(SMALL_CAST)));
	assert.equal(XMLValidator.validate(svg), true);
	assert.deepEqual(texts(svg), ['hello <tour> & friends', 'last frame']);
	assert.match(svg, /hello &lt;tour&gt; &amp; friends/);
});

test('--at: the screen at that time, not later', async () => {
	const svg = screenToSvg(await screenAt(parseCast(SMALL_CAST), 1));
	assert.equal(XMLValidator.validate(svg), true);
	assert.deepEqual(texts(svg), ['hello <tour> & friends']);
});

const rectsOf = (svg: string) => [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="([^"]+)"( fill-opacity="([\d.]+)")?\/>/g)]
	.map((m) => ({x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]), fill: m[5], opacity: m[7]}));

test('block glyphs are rectangles in the colour on screen, a run of full blocks one rectangle, in the glyph’s box', async () => {
	const rects = rectsOf(screenToSvg(await screenAt(parseCast(SMALL_CAST))));
	// ████ in green: one rectangle four cells wide, the glyph's box (the 17 px line less a pixel above and below).
	assert.deepEqual(rects.filter((r) => r.width === 4 * 8.4), [{x: 10, y: 11, width: 33.6, height: 15, fill: '#4e9a06', opacity: undefined}]);
	// ░░ and ▒▒: one rectangle each, two cells wide (their dots: test/export/theme.test.ts).
	assert.deepEqual(rects.filter((r) => r.width === 16.8).map((r) => [r.y, r.height]), [[28, 15], [28, 15]]);
	assert.ok(rects.every((r) => r.opacity === undefined), 'no rectangle drawn with an opacity');
	// ▁ and ▄: partial heights from the box's foot; █ the box.
	const cells = rects.filter((r) => r.width === 8.4).map((r) => [r.y, r.height]);
	assert.deepEqual(cells, [[41.13, 1.88], [35.5, 7.5], [28, 15]]);
});

test('rows of blocks stay apart by the gap between lines, as in a terminal; box-drawing lines join from row to row', async () => {
	const cast = [
		JSON.stringify({version: 2, width: 10, height: 4}),
		JSON.stringify([0.1, 'o', '███│\r\n███│\r\n▇▇▇│\r\n░░░│']),
	].join('\n');
	const svg = screenToSvg(await screenAt(parseCast(cast)));
	const rects = rectsOf(svg);
	const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.01;
	const tenth = (v: number): number => Math.round(v * 10) / 10;
	const blocks = rects.filter((r) => near(r.width, 3 * 8.4)).map((r) => [tenth(r.y), tenth(r.y + r.height)]);
	assert.deepEqual(blocks, [[11, 26], [28, 43], [46.9, 60], [62, 77]], 'a 2 px gap between one row’s blocks and the next');
	const lines = rects.filter((r) => near(r.x, 10 + 3.46 * 8.4)).map((r) => [r.y, r.y + r.height]);
	assert.deepEqual(lines, [[10, 27], [27, 44], [44, 61], [61, 78]], '│ fills its cells');
	assert.doesNotMatch(svg, /[█░▒▁▄▇│]/, 'no block glyph is left as text');
});
