import {finished} from 'node:stream/promises';
import {headerTheme, type TerminalColours} from '../config/terminal-colours.js';

/** asciicast v2 header (https://docs.asciinema.org/manual/asciicast/v2/). */
export type AsciicastHeader = {
	readonly version: 2;
	readonly width: number;
	readonly height: number;
	readonly timestamp: number;
	readonly title?: string;
	readonly env?: Readonly<Record<string, string>>;
	/** The terminal's colours: `palette` is 16 colours joined by ':'. */
	readonly theme?: {readonly fg: string; readonly bg: string; readonly palette: string};
};

/** One event line: [seconds since start, "o" output | "r" resize | "m" marker, data]. */
export type AsciicastEvent = readonly [number, 'o' | 'r' | 'm', string];

function headerLine(header: AsciicastHeader): string {
	return `${JSON.stringify(header)}\n`;
}

export function eventLine(event: AsciicastEvent): string {
	return `${JSON.stringify([Number(event[0].toFixed(6)), event[1], event[2]])}\n`;
}

/**
 * What the terminal receives for `text`: the tty driver (ONLCR, which stays on in
 * Node's raw mode) turns every "\n" into "\r\n". A recording must hold the same,
 * or a player (which gets no driver in between) draws each line after a bare "\n"
 * from the column where the previous one ended.
 */
const asTerminalGetsIt = (text: string): string => text.replaceAll(/\r?\n/g, '\r\n');

export type Recorder = {
	/** Hand this to Ink instead of the terminal: writes go to both, the file with times. */
	readonly stdout: NodeJS.WriteStream;
	/** A marker ("m" event) at this moment, labelled: a player's chapter. */
	marker(label: string): void;
	close(): Promise<void>;
};

/**
 * Records what the dashboard writes to the terminal as an asciicast v2 file
 * that `asciinema play` plays back. The file is a buffered stream, opened
 * (and its errors watched) by the caller (frontends/outputs.ts), so recording
 * adds no visible lag and a full disk costs the recording only; resizes
 * become "r" events. The header carries the theme's terminal colours, so a
 * player and the exports show the recording in them.
 */
export function createRecorder(file: NodeJS.WritableStream, terminal: NodeJS.WriteStream, colours?: TerminalColours): Recorder {
	const start = performance.now();
	const seconds = (): number => (performance.now() - start) / 1000;
	file.write(headerLine({
		version: 2,
		width: terminal.columns || 80,
		height: terminal.rows || 24,
		timestamp: Math.floor(Date.now() / 1000),
		title: 'concviz',
		env: {TERM: process.env['TERM'] ?? 'xterm-256color', SHELL: process.env['SHELL'] ?? '/bin/sh'},
		...(colours ? {theme: headerTheme(colours)} : {}),
	}));
	const onResize = (): void => {
		file.write(eventLine([seconds(), 'r', `${terminal.columns}x${terminal.rows}`]));
	};

	terminal.on('resize', onResize);
	const write = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
		const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		if (text.length > 0) {
			file.write(eventLine([seconds(), 'o', asTerminalGetsIt(text)]));
		}

		return (terminal.write as (...args: unknown[]) => boolean)(chunk, ...rest);
	};

	const stdout = new Proxy(terminal, {
		get(target, property) {
			if (property === 'write') {
				return write;
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
		},
	});
	return {
		stdout,
		marker(label) {
			file.write(eventLine([seconds(), 'm', label]));
		},
		async close() {
			terminal.off('resize', onResize);
			file.end();
			await finished(file).catch(() => undefined);
		},
	};
}
