import {UsageError} from '../config/errors.js';
import {coloursOf, type TerminalColours} from '../config/terminal-colours.js';
import {type Line, linesOfText} from './lines.js';

/** The largest terminal export draws: no screen has more, and a header claiming more would cost gigabytes. */
const MAX_COLUMNS = 1000;
const MAX_ROWS = 1000;
/** The longest line (one event) read: a frame of a 1000×1000 screen, escapes and all, fits many times. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/** An asciicast v2 recording's header, as read back. */
export type CastHead = {
	readonly width: number;
	readonly height: number;
	readonly title: string | undefined;
	/** The header's `theme`, the terminal colours it was recorded in; undefined when it has none. */
	readonly colours: TerminalColours | undefined;
};

export type CastEvent = {readonly time: number; readonly kind: string; readonly data: string};

/** A recording held whole (the tests' small ones): its header and its events in time order. */
export type Cast = CastHead & {
	readonly events: readonly CastEvent[];
	/** Time of the last event, in seconds. */
	readonly duration: number;
};

export function fail(name: string, why: string): never {
	throw new UsageError(`${name}: not an asciicast v2 recording (${why})`);
}

const tooLarge = (name: string, what: string, width: number, height: number): never => {
	throw new UsageError(`${name}: ${what} ${width}×${height}; export takes at most ${MAX_COLUMNS}×${MAX_ROWS}`);
};

function headOf(line: Line, name: string): CastHead {
	let header: Record<string, unknown>;
	try {
		header = JSON.parse(line.text) as Record<string, unknown>;
	} catch {
		fail(name, 'line 1 is not a JSON header');
	}

	if (header === null || typeof header !== 'object' || header['version'] !== 2) {
		fail(name, 'line 1 is not a version 2 header');
	}

	const {width, height} = header;
	if (!Number.isInteger(width) || !Number.isInteger(height) || (width as number) < 1 || (height as number) < 1) {
		fail(name, 'the header has no width and height');
	}

	if ((width as number) > MAX_COLUMNS || (height as number) > MAX_ROWS) {
		tooLarge(name, 'the terminal is', width as number, height as number);
	}

	const title = typeof header['title'] === 'string' ? header['title'] : undefined;
	return {width: width as number, height: height as number, title, colours: coloursOf(header['theme'])};
}

/** One event line; undefined for the last line when it was cut mid-line (its writer killed). */
function eventOf(line: Line, name: string): CastEvent | undefined {
	let event: unknown;
	try {
		event = JSON.parse(line.text);
	} catch {
		if (!line.terminated) {
			return undefined;
		}

		fail(name, `line ${line.number} is not JSON`);
	}

	if (!Array.isArray(event) || event.length < 3 || typeof event[0] !== 'number' || !Number.isFinite(event[0]) || typeof event[1] !== 'string' || typeof event[2] !== 'string') {
		fail(name, `line ${line.number} is not a [time, code, data] event`);
	}

	const [time, kind, data] = event as [number, string, string];
	const size = kind === 'r' ? /^(\d+)x(\d+)$/.exec(data) : null;
	if (size && (Number(size[1]) > MAX_COLUMNS || Number(size[2]) > MAX_ROWS)) {
		tooLarge(name, `line ${line.number} resizes the terminal to`, Number(size[1]), Number(size[2]));
	}

	return {time, kind, data};
}

/** Header and events from lines: a malformed line is a UsageError naming it; blank lines are skipped. */
export function createParser(name: string) {
	let head: CastHead | undefined;
	return {
		line(line: Line): CastEvent | undefined {
			if (line.text.trim() === '') {
				return undefined;
			}

			if (head === undefined) {
				head = headOf(line, name);
				return undefined;
			}

			return eventOf(line, name);
		},
		head(): CastHead {
			return head ?? fail(name, 'the file is empty');
		},
	};
}

/** Parse asciicast v2 text held whole; a malformed file is a UsageError naming the line. */
export function parseCast(text: string, name = 'recording'): Cast {
	const parser = createParser(name);
	const events = linesOfText(text).map((line) => parser.line(line)).filter((event) => event !== undefined);
	return {...parser.head(), events, duration: events.reduce((max, e) => Math.max(max, e.time), 0)};
}

/** A recording's markers ("m" events): the chapters. */
export const markersOf = (cast: Cast): {time: number; label: string}[] =>
	cast.events.filter((e) => e.kind === 'm').map((e) => ({time: e.time, label: e.data}));
