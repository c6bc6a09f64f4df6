import xterm from '@xterm/headless';
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

export type Screen = {readonly width: number; readonly height: number; readonly rows: readonly (readonly Cell[])[]};

/** The 16 ANSI colours (xterm's defaults, slightly softened for a dark background), then the 256-colour cube. */
export const PALETTE: readonly string[] = [
	'#2e3436', '#cc3333', '#4e9a06', '#c4a000', '#3465a4', '#b05fb0', '#06989a', '#d3d7cf',
	'#6f7570', '#ef2929', '#8ae234', '#fce94f', '#729fcf', '#ce88c4', '#34e2e2', '#eeeeec',
];
export const DEFAULT_FG = '#d3d7cf';
export const DEFAULT_BG = '#1c1c1c';

function palette(index: number): string {
	if (index < 16) {
		return PALETTE[index]!;
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

function colour(cell: XCell, which: 'fg' | 'bg'): string | null {
	const isRgb = which === 'fg' ? cell.isFgRGB() : cell.isBgRGB();
	const isPalette = which === 'fg' ? cell.isFgPalette() : cell.isBgPalette();
	const value = which === 'fg' ? cell.getFgColor() : cell.getBgColor();
	if (isRgb) {
		return rgb((value >> 16) & 255, (value >> 8) & 255, value & 255);
	}

	return isPalette ? palette(value) : null;
}

function cellOf(cell: XCell): Cell {
	let fg = colour(cell, 'fg') ?? DEFAULT_FG;
	let bg = colour(cell, 'bg');
	const bold = cell.isBold() !== 0;
	if (bold && cell.isFgPalette() && cell.getFgColor() < 8) {
		fg = PALETTE[cell.getFgColor() + 8]!;
	}

	if (cell.isInverse() !== 0) {
		[fg, bg] = [bg ?? DEFAULT_BG, fg];
	}

	return {text: cell.getChars() || ' ', width: cell.getWidth(), fg, bg, bold, dim: cell.isDim() !== 0};
}

const feed = (terminal: InstanceType<typeof Terminal>, data: string): Promise<void> => new Promise((resolve) => {
	terminal.write(data, resolve);
});

/** The screen a player shows `at` seconds into the recording (resizes included); the last frame when `at` is past the end. */
export async function screenAt(cast: Cast, at: number = cast.duration): Promise<Screen> {
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
				row.push(cell ? cellOf(cell) : {text: ' ', width: 1, fg: DEFAULT_FG, bg: null, bold: false, dim: false});
			}

			rows.push(row);
		}

		return {width: terminal.cols, height: terminal.rows, rows};
	} finally {
		terminal.dispose();
	}
}
