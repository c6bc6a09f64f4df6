import assert from 'node:assert/strict';
import {test} from 'node:test';
import {TERMINAL_COLOURS, THEMES, headerTheme} from '../../source/config/terminal-colours.js';
import {parseCast} from '../../source/export/cast.js';
import {screenAt} from '../../source/export/screen-at.js';
import {CELL_HEIGHT, screenToSvg} from '../../source/export/svg.js';
import {LANE_STATES, stateGlyph, styled} from '../../source/ui/text/theme.js';

/** WCAG 2's relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.040_45 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2's contrast ratio of two colours, 1 to 21. */
const contrast = (a: string, b: string): number => {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light! + 0.05) / (dark! + 0.05);
};

test('WCAG contrast: black on white 21:1, a colour on itself 1:1', () => {
	assert.equal(contrast('#000000', '#ffffff'), 21);
	assert.equal(contrast('#777777', '#777777'), 1);
});

/** The colours a row of the SVG draws its glyphs in: solid blocks' fills, a shade pattern's dots, text. */
function inkOf(svg: string, row: number): Set<string> {
	const top = 10 + row * CELL_HEIGHT;
	const inRow = (y: number): boolean => y >= top && y < top + CELL_HEIGHT;
	const ink = new Set<string>();
	for (const [, y, fill] of svg.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="[\d.]+" fill="([^"]+)"\/>/g)) {
		if (!inRow(Number(y))) {
			continue;
		}

		const pattern = /^url\(#(.+)\)$/.exec(fill!)?.[1];
		const body = pattern === undefined ? undefined : new RegExp(`<pattern id="${pattern}"[^>]*>(.*?)</pattern>`).exec(svg)?.[1];
		for (const colour of body === undefined ? [fill!] : [...body.matchAll(/fill="(#[\da-f]{6})"/g)].map((m) => m[1]!)) {
			ink.add(colour);
		}
	}

	for (const [, y, fill] of svg.matchAll(/<text [^>]*y="([\d.]+)" fill="(#[\da-f]{6})"/g)) {
		if (inRow(Number(y))) {
			ink.add(fill!);
		}
	}

	return ink;
}

test('every lane glyph, in every theme, is drawn in a colour of at least 3:1 against the background (WCAG non-text contrast)', async () => {
	for (const theme of THEMES) {
		const colours = TERMINAL_COLOURS[theme];
		// Each lane state's glyph as the dashboard writes it, one row each, exported as a recording in the theme's colours.
		const rows = LANE_STATES.map((state) => styled(stateGlyph[state].repeat(6), state, theme));
		const cast = [
			JSON.stringify({version: 2, width: 20, height: rows.length, theme: headerTheme(colours)}),
			JSON.stringify([0.1, 'o', rows.join('\r\n')]),
		].join('\n');
		const svg = screenToSvg(await screenAt(parseCast(cast)));
		for (const [row, state] of LANE_STATES.entries()) {
			const ink = inkOf(svg, row);
			assert.ok(ink.size > 0, `${theme} ${state}: drawn`);
			for (const colour of ink) {
				const ratio = contrast(colour, colours.bg);
				assert.ok(ratio >= 3, `${theme}: ${stateGlyph[state]} ${state} in ${colour} on ${colours.bg} is ${ratio.toFixed(2)}:1`);
			}
		}
	}
});
