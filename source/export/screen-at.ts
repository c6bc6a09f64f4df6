import xterm from '@xterm/headless';
import {TERMINAL_COLOURS, type TerminalColours} from '../config/terminal-colours.js';
import type {Cast, CastEvent, CastHead} from './cast.js';

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

/** Output is handed to the emulator in pieces of about this many characters: one wait per piece, not per event. */
const FEED_CHARS = 1 << 20;

/** A terminal emulator that a recording's events are played into, and the screen it shows. */
export type TerminalScreen = {
	/** Play one event ("o" output, "r" resize; others change nothing), waiting while the emulator catches up. */
	apply(event: CastEvent): Promise<void>;
	/** The screen now: every output applied so far drawn. */
	screen(): Promise<Screen>;
	dispose(): void;
};

/** An emulator at the recording's size and in its colours (the dark theme's without them), with no scrollback. */
export function createTerminalScreen(head: Pick<CastHead, 'width' | 'height' | 'colours'>): TerminalScreen {
	const colours = head.colours ?? TERMINAL_COLOURS.dark;
	const terminal = new Terminal({cols: head.width, rows: head.height, allowProposedApi: true, scrollback: 0});
	let pending: string[] = [];
	let pendingChars = 0;
	const flush = async (): Promise<void> => {
		if (pendingChars > 0) {
			const data = pending.join('');
			pending = [];
			pendingChars = 0;
			await feed(terminal, data);
		}
	};

	return {
		async apply(event) {
			if (event.kind === 'o') {
				pending.push(event.data);
				pendingChars += event.data.length;
				if (pendingChars >= FEED_CHARS) {
					await flush();
				}
			} else if (event.kind === 'r') {
				const [cols, rows] = event.data.split('x').map(Number);
				if (Number.isInteger(cols) && Number.isInteger(rows) && cols! > 0 && rows! > 0) {
					await flush();
					terminal.resize(cols!, rows!);
				}
			}
		},
		async screen() {
			await flush();
			return screenOf(terminal, colours);
		},
		dispose() {
			terminal.dispose();
		},
	};
}

function screenOf(terminal: InstanceType<typeof Terminal>, colours: TerminalColours): Screen {
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
}

/** The screen a player shows `at` seconds into a recording held whole (resizes included); the last frame when `at` is past the end. */
export async function screenAt(cast: Cast, at: number = cast.duration): Promise<Screen> {
	const terminal = createTerminalScreen(cast);
	try {
		for (const event of cast.events) {
			if (event.time > at) {
				break;
			}

			await terminal.apply(event);
		}

		return await terminal.screen();
	} finally {
		terminal.dispose();
	}
}
