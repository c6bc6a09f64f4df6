import {SHADE_TILE, shadeDots} from './shade.js';
import {CELL_HEIGHT, GLYPH_TOP} from './svg.js';

/*
 * How the page's player draws block glyphs, to match the SVG's: shades as
 * dots in the glyph's own colour, every block in the glyph's box of its line.
 */

/** A shade's dot on the player's canvas, in its pixels: a cell is 8 wide and a line 24 high there. */
const CANVAS_DOT = {width: 2, height: 3};

/**
 * The player draws ░ ▒ ▓ as its colour at 25/50/75 % alpha (its only use of
 * globalAlpha): on white, a quarter of a colour reads as near-white. This
 * draws them as a terminal font does instead, the same dots as the SVG's in
 * the glyph's own colour (shade.ts), on this page's canvases only.
 */
export function shadeScript(): string {
	const dots = Object.fromEntries([0.25, 0.5, 0.75].map((share) => [share, shadeDots(share)]));
	return `(() => {
	const dots = ${JSON.stringify(dots)};
	const tile = {width: ${SHADE_TILE.width * CANVAS_DOT.width}, height: ${SHADE_TILE.height * CANVAS_DOT.height}};
	const patterns = new Map();
	const patternOf = (context, colour, share) => {
		const key = colour + ' ' + share;
		if (!patterns.has(key)) {
			const canvas = new OffscreenCanvas(tile.width, tile.height);
			const pen = canvas.getContext('2d');
			pen.fillStyle = colour;
			for (const [x, y] of dots[share]) {
				pen.fillRect(x * ${CANVAS_DOT.width}, y * ${CANVAS_DOT.height}, ${CANVAS_DOT.width}, ${CANVAS_DOT.height});
			}

			patterns.set(key, context.createPattern(canvas, 'repeat'));
		}

		return patterns.get(key);
	};
	const context = globalThis.CanvasRenderingContext2D;
	const alpha = context && Object.getOwnPropertyDescriptor(context.prototype, 'globalAlpha');
	if (alpha && globalThis.OffscreenCanvas) {
		Object.defineProperty(context.prototype, 'globalAlpha', {...alpha, set(a) {
			if (dots[a] && typeof this.fillStyle === 'string') {
				this.fillStyle = patternOf(this, this.fillStyle, a);
			} else {
				alpha.set.call(this, a);
			}
		}});
	}
})();`;
}

/** The player's line height: the SVG's cell height over its font size (17 px lines of a 14 px font). */
export const LINE_HEIGHT = CELL_HEIGHT / 14;
const gap = (100 * GLYPH_TOP) / CELL_HEIGHT;

/**
 * The player draws block glyphs on one canvas, each filling its line, so rows
 * of blocks run together. The canvas is masked, line by line, to the glyph's
 * box of the SVG, leaving the gap a terminal leaves between lines.
 */
export const gapCss = `
div.ap-term canvas {
	--concviz-glyph: linear-gradient(to bottom, transparent ${gap.toFixed(2)}%, #000 ${gap.toFixed(2)}% ${(100 - gap).toFixed(2)}%, transparent ${(100 - gap).toFixed(2)}%);
	-webkit-mask-image: var(--concviz-glyph);
	mask-image: var(--concviz-glyph);
	mask-size: 100% calc(100% / var(--term-rows));
	mask-repeat: repeat-y;
}
`;

