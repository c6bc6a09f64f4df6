import xterm from '@xterm/headless';
import {TERMINAL_COLOURS, type TerminalColours} from '../config/terminal-colours.js';
import type {Cast} from './cast.js';

const {Terminal} = xterm;

/** One cell of the screen as a terminal shows it: its text and style, colours resolved to CSS. */
export type Cell = {
	readonly text: string;
	/** 1, or 2 for a wide character (its right half is a cell of width 0). */
	readonly width: number;
	readonly fg: string;
	readonly bg: string | null;
	readonly bold: boolean;
	readonly dim: boolean;
};

/** The screen's cells, and the terminal's default colours (of the recording's theme, dark without one). */
export type Screen = {
	readonly width: number;
	readonly height: number;
	readonly fg: string;
	readonly bg: string;
	readonly rows: readonly (readonly Cell[])[];
};

/** A colour of the 256: the recording's 16, then xterm's colour cube and greys. */
function palette(index: number, colours: TerminalColours): string {
	if (index < 16) {
		return colours.palette[index]!;
	}

	if (index < 232) {
		const n = index - 16;
		const level = (v: number): number => (v === 0 ? 0 : 55 + v * 40);
		return rgb(level(Math.floor(n / 36)), level(Math.floor(n / 6) % 6), level(n % 6));
	}

	const grey = 8 + (index - 232) * 10;
	return rgb(grey, grey, grey);
}

const rgb = (r: number, g: number, b: number): string => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

type XCell = NonNullable<ReturnType<NonNullable<ReturnType<InstanceType<typeof Terminal>['buffer']['active']['getLine']>>['getCell']>>;

function colour(cell: XCell, which: 'fg' | 'bg', colours: TerminalColours): string | null {
	const isRgb = which === 'fg' ? cell.isFgRGB() : cell.isBgRGB();
	const isPalette = which === 'fg' ? cell.isFgPalette() : cell.isBgPalette();
	const value = which === 'fg' ? cell.getFgColor() : cell.getBgColor();
	if (isRgb) {
		return rgb((value >> 16) & 255, (value >> 8) & 255, value & 255);
	}

	return isPalette ? palette(value, colours) : null;
}

function cellOf(cell: XCell, colours: TerminalColours): Cell {
	let fg = colour(cell, 'fg', colours) ?? colours.fg;
	let bg = colour(cell, 'bg', colours);
	const bold = cell.isBold() !== 0;
	if (bold && cell.isFgPalette() && cell.getFgColor() < 8) {
		fg = colours.palette[cell.getFgColor() + 8]!;
	}

	if (cell.isInverse() !== 0) {
		[fg, bg] = [bg ?? colours.bg, fg];
	}

	return {text: cell.getChars() || ' ', width: cell.getWidth(), fg, bg, bold, dim: cell.isDim() !== 0};
}

const feed = (terminal: InstanceType<typeof Terminal>, data: string): Promise<void> => new Promise((resolve) => {
	terminal.write(data, resolve);
});

/** The screen a player shows `at` seconds into the recording (resizes included); the last frame when `at` is past the end. */
export async function screenAt(cast: Cast, at: number = cast.duration): Promise<Screen> {
	const colours = cast.colours ?? TERMINAL_COLOURS.dark;
	const terminal = new Terminal({cols: cast.width, rows: cast.height, allowProposedApi: true, scrollback: 0});
	try {
		for (const event of cast.events) {
			if (event.time > at) {
				break;
			}

			if (event.kind === 'o') {
				await feed(terminal, event.data);
			} else if (event.kind === 'r') {
				const [cols, rows] = event.data.split('x').map(Number);
				if (cols && rows) {
					terminal.resize(cols, rows);
				}
			}
		}

		const buffer = terminal.buffer.active;
		const rows: Cell[][] = [];
		for (let y = 0; y < terminal.rows; y++) {
			const line = buffer.getLine(buffer.viewportY + y);
			const row: Cell[] = [];
			for (let x = 0; x < terminal.cols; x++) {
				const cell = line?.getCell(x);
				row.push(cell ? cellOf(cell, colours) : {text: ' ', width: 1, fg: colours.fg, bg: null, bold: false, dim: false});
			}

			rows.push(row);
		}

		return {width: terminal.cols, height: terminal.rows, fg: colours.fg, bg: colours.bg, rows};
	} finally {
		terminal.dispose();
	}
}
