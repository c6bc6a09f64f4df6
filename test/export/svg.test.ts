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

test('block glyphs are rectangles in the colour on screen, a run of full blocks one rectangle', async () => {
	const svg = screenToSvg(await screenAt(parseCast(SMALL_CAST)));
	const rects = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" fill="(#[0-9a-f]{6})"( fill-opacity="([\d.]+)")?\/>/g)]
		.map((m) => ({x: Number(m[1]), width: Number(m[3]), height: Number(m[4]), fill: m[5], opacity: m[7]}));
	// ████ in green: one rectangle four cells wide, the full cell height.
	assert.deepEqual(rects.filter((r) => r.width === 4 * 8.4), [{x: 10, width: 33.6, height: 17, fill: '#4e9a06', opacity: undefined}]);
	// ░░ and ▒▒: one rectangle each, two cells wide (their colour: test/export/theme.test.ts).
	assert.deepEqual(rects.filter((r) => r.width === 16.8).map((r) => r.height), [17, 17]);
	assert.ok(rects.every((r) => r.opacity === undefined), 'no rectangle drawn with an opacity');
	// ▁ and ▄: partial heights; █ full.
	const heights = rects.filter((r) => r.width === 8.4).map((r) => r.height);
	assert.deepEqual(heights, [2.13, 8.5, 17]);
	assert.doesNotMatch(svg, /[█░▒▁▄]/, 'no block glyph is left as text');
});
