/** A glyph drawn as a rectangle of its cell (fractions of the cell), so neighbours join without seams. */
export type Block = {readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly opacity: number};

const eighth = 1 / 8;
const BLOCKS = new Map<string, Block>([
	['█', {x: 0, y: 0, w: 1, h: 1, opacity: 1}],
	['▀', {x: 0, y: 0, w: 1, h: 0.5, opacity: 1}],
	['▐', {x: 0.5, y: 0, w: 0.5, h: 1, opacity: 1}],
	['▔', {x: 0, y: 0, w: 1, h: eighth, opacity: 1}],
	['▕', {x: 1 - eighth, y: 0, w: eighth, h: 1, opacity: 1}],
	['░', {x: 0, y: 0, w: 1, h: 1, opacity: 0.25}],
	['▒', {x: 0, y: 0, w: 1, h: 1, opacity: 0.5}],
	['▓', {x: 0, y: 0, w: 1, h: 1, opacity: 0.75}],
	['─', {x: 0, y: 0.47, w: 1, h: 0.07, opacity: 1}],
	['━', {x: 0, y: 0.43, w: 1, h: 0.15, opacity: 1}],
	['│', {x: 0.46, y: 0, w: 0.08, h: 1, opacity: 1}],
]);
// ▁▂▃▄▅▆▇: lower eighths; ▉▊▋▌▍▎▏: left eighths.
for (let k = 1; k <= 7; k++) {
	BLOCKS.set(String.fromCodePoint(0x25_80 + k), {x: 0, y: 1 - k * eighth, w: 1, h: k * eighth, opacity: 1});
	BLOCKS.set(String.fromCodePoint(0x25_90 - k), {x: 0, y: 0, w: k * eighth, h: 1, opacity: 1});
}

/** The rectangle for a block glyph, undefined for any other text. */
export const blockOf = (glyph: string): Block | undefined => BLOCKS.get(glyph);
