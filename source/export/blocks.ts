/**
 * A glyph drawn as a rectangle (fractions of its box), so neighbours join
 * without seams. A block element (█ ▀ ░ ▁ ▏ …) fills the glyph's box, which
 * leaves the gap a terminal leaves between lines (`glyph`); a box-drawing line
 * (─ ━ │) spans the whole cell, so a tree's lines join from row to row.
 * `shade` is the share of a shade's (░ ▒ ▓) pixels lit, 1 for a solid block.
 */
export type Block = {readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly shade: number; readonly glyph: boolean};

const eighth = 1 / 8;
const solid = (x: number, y: number, w: number, h: number): Block => ({x, y, w, h, shade: 1, glyph: true});
const line = (x: number, y: number, w: number, h: number): Block => ({x, y, w, h, shade: 1, glyph: false});
const shade = (share: number): Block => ({x: 0, y: 0, w: 1, h: 1, shade: share, glyph: true});

const BLOCKS = new Map<string, Block>([
	['█', solid(0, 0, 1, 1)],
	['▀', solid(0, 0, 1, 0.5)],
	['▐', solid(0.5, 0, 0.5, 1)],
	['▔', solid(0, 0, 1, eighth)],
	['▕', solid(1 - eighth, 0, eighth, 1)],
	['░', shade(0.25)],
	['▒', shade(0.5)],
	['▓', shade(0.75)],
	['─', line(0, 0.47, 1, 0.07)],
	['━', line(0, 0.43, 1, 0.15)],
	['│', line(0.46, 0, 0.08, 1)],
]);
// ▁▂▃▄▅▆▇: lower eighths; ▉▊▋▌▍▎▏: left eighths.
for (let k = 1; k <= 7; k++) {
	BLOCKS.set(String.fromCodePoint(0x25_80 + k), solid(0, 1 - k * eighth, 1, k * eighth));
	BLOCKS.set(String.fromCodePoint(0x25_90 - k), solid(0, 0, k * eighth, 1));
}

/** The rectangle for a block glyph, undefined for any other text. */
export const blockOf = (glyph: string): Block | undefined => BLOCKS.get(glyph);
