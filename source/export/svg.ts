import {blockOf} from './blocks.js';
import {type Cell, type Screen} from './screen-at.js';
import {escapeMarkup} from './markup.js';
import {SHADE_TILE, shadeDots} from './shade.js';

/** One cell in SVG units (a 14 px monospace font). */
const CELL_WIDTH = 8.4;
export const CELL_HEIGHT = 17;
/**
 * A block glyph's box: the cell less the gap a terminal leaves between lines
 * (a pixel above and below), so rows of blocks (lanes, CPU bars, sparklines)
 * stay apart as on screen; backgrounds and box-drawing lines fill the cell.
 */
export const GLYPH_TOP = 1;
const GLYPH_HEIGHT = CELL_HEIGHT - 2 * GLYPH_TOP;
const PAD = 10;
const FONT = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";

const n = (value: number): string => String(Math.round(value * 100) / 100);

type Run = {readonly x: number; readonly length: number; readonly cells: readonly Cell[]};

/** Cells of a row grouped while `key` stays the same (null: the cell is not drawn). */
function runs(row: readonly Cell[], key: (cell: Cell) => string | null): Run[] {
	const out: Run[] = [];
	let start = 0;
	while (start < row.length) {
		const k = key(row[start]!);
		let end = start + 1;
		while (end < row.length && key(row[end]!) === k) {
			end++;
		}

		if (k !== null) {
			out.push({x: start, length: end - start, cells: row.slice(start, end)});
		}

		start = end;
	}

	return out;
}

const textKey = (cell: Cell): string | null => (blockOf(cell.text) || cell.width === 0 ? null : `${cell.fg}|${cell.bold}|${cell.dim}`);

/** The shades drawn so far, by pattern id: the share of dots lit and their colour. */
type Shades = Map<string, {readonly share: number; readonly colour: string}>;

/** A shade's pattern: its dots in the glyph's colour, in user space, so a run of cells shares one seamless texture. */
function shadeFill(shades: Shades, share: number, colour: string): string {
	const id = `shade-${share * 100}-${colour.slice(1)}`;
	shades.set(id, {share, colour});
	return `url(#${id})`;
}

const shadePattern = (id: string, {share, colour}: {share: number; colour: string}): string =>
	`<pattern id="${id}" width="${SHADE_TILE.width}" height="${SHADE_TILE.height}" patternUnits="userSpaceOnUse" shape-rendering="crispEdges">${
		shadeDots(share).map(([x, y]) => `<rect x="${x}" y="${y}" width="1" height="1" fill="${colour}"/>`).join('')}</pattern>`;

/** A row's backgrounds and block glyphs, as rectangles. */
function rowRects(row: readonly Cell[], y: number, shades: Shades): string[] {
	const top = PAD + y * CELL_HEIGHT;
	const parts: string[] = [];
	for (const run of runs(row, (cell) => cell.bg)) {
		parts.push(`<rect x="${n(PAD + run.x * CELL_WIDTH)}" y="${n(top)}" width="${n(run.length * CELL_WIDTH)}" height="${CELL_HEIGHT}" fill="${run.cells[0]!.bg!}"/>`);
	}

	for (const run of runs(row, (cell) => (blockOf(cell.text) ? `${cell.text}|${cell.fg}` : null))) {
		const b = blockOf(run.cells[0]!.text)!;
		const {fg} = run.cells[0]!;
		// A shade (░▒▓) lights that share of its pixels in its colour, over the cell's background, as a terminal font's dotted glyph does.
		const fill = b.shade < 1 ? shadeFill(shades, b.shade, fg) : fg;
		const [boxTop, boxHeight] = b.glyph ? [top + GLYPH_TOP, GLYPH_HEIGHT] : [top, CELL_HEIGHT];
		const width = b.w === 1 ? run.length * CELL_WIDTH : b.w * CELL_WIDTH;
		// A run of full-width blocks is one rectangle; partial ones are one per cell.
		const cells = b.w === 1 ? [run.x] : Array.from({length: run.length}, (_, i) => run.x + i);
		for (const x of cells) {
			parts.push(`<rect x="${n(PAD + (x + b.x) * CELL_WIDTH)}" y="${n(boxTop + b.y * boxHeight)}" width="${n(width)}" height="${n(b.h * boxHeight)}" fill="${fill}"/>`);
		}
	}

	return parts;
}

/** A row's text, a run of one style at a time, each placed on its cells. */
function rowTexts(row: readonly Cell[], y: number): string[] {
	const top = PAD + y * CELL_HEIGHT;
	const parts: string[] = [];
	for (const run of runs(row, textKey)) {
		const first = run.cells.findIndex((cell) => cell.text.trim() !== '');
		const last = run.cells.findLastIndex((cell) => cell.text.trim() !== '');
		if (first === -1) {
			continue;
		}

		const body = run.cells.slice(first, last + 1).map((cell) => cell.text).join('');
		const lead = first;
		const cellsWide = last - first + 1;
		const {fg, bold, dim} = run.cells[0]!;
		const style = `${bold ? ' font-weight="bold"' : ''}${dim ? ' fill-opacity="0.6"' : ''}`;
		parts.push(`<text xml:space="preserve" x="${n(PAD + (run.x + lead) * CELL_WIDTH)}" y="${n(top + CELL_HEIGHT * 0.78)}" fill="${fg}"${style} textLength="${n(cellsWide * CELL_WIDTH)}" lengthAdjust="spacingAndGlyphs">${escapeMarkup(body)}</text>`);
	}

	return parts;
}

/** A still SVG of one screen, line by line as it is written: backgrounds, block glyphs as rectangles, text placed cell by cell, colours as on screen. */
export function* svgParts(screen: Screen, title = 'concviz'): Generator<string> {
	const width = PAD * 2 + screen.width * CELL_WIDTH;
	const height = PAD * 2 + screen.height * CELL_HEIGHT;
	yield `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${FONT}" font-size="14" style="white-space: pre">\n`;
	yield `<title>${escapeMarkup(title)}</title>\n`;
	yield `<rect width="100%" height="100%" rx="6" fill="${screen.bg}"/>\n`;
	yield '<g shape-rendering="crispEdges">\n';
	const shades: Shades = new Map();
	for (const [y, row] of screen.rows.entries()) {
		yield rowRects(row, y, shades).map((part) => `${part}\n`).join('');
	}

	yield '</g>\n<g>\n';
	for (const [y, row] of screen.rows.entries()) {
		yield rowTexts(row, y).map((part) => `${part}\n`).join('');
	}

	yield '</g>\n';
	if (shades.size > 0) {
		yield `<defs>\n${[...shades].map(([id, shade]) => `${shadePattern(id, shade)}\n`).join('')}</defs>\n`;
	}

	yield '</svg>\n';
}

/** The same still as one string. */
export const screenToSvg = (screen: Screen, title = 'concviz'): string => [...svgParts(screen, title)].join('');
