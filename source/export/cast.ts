import {readFile} from 'node:fs/promises';
import {UsageError} from '../config/errors.js';
import {coloursOf, type TerminalColours} from '../config/terminal-colours.js';

/** An asciicast v2 recording as read back: its size and its events in time order. */
export type Cast = {
	readonly width: number;
	readonly height: number;
	readonly title: string | undefined;
	/** The header's `theme`, the terminal colours it was recorded in; undefined when it has none. */
	readonly colours: TerminalColours | undefined;
	readonly events: readonly CastEvent[];
	/** Time of the last event, in seconds. */
	readonly duration: number;
};

export type CastEvent = {readonly time: number; readonly kind: string; readonly data: string};

/** A recording's markers ("m" events): the chapters. */
export const markersOf = (cast: Cast): {time: number; label: string}[] =>
	cast.events.filter((e) => e.kind === 'm').map((e) => ({time: e.time, label: e.data}));

function fail(name: string, why: string): never {
	throw new UsageError(`${name}: not an asciicast v2 recording (${why})`);
}

/** Parse asciicast v2 text; a malformed file is a UsageError naming the line. */
export function parseCast(text: string, name = 'recording'): Cast {
	const lines = text.split('\n').filter((line) => line.trim() !== '');
	if (lines.length === 0) {
		fail(name, 'the file is empty');
	}

	let header: Record<string, unknown>;
	try {
		header = JSON.parse(lines[0]!) as Record<string, unknown>;
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

	const events: CastEvent[] = [];
	for (const [i, line] of lines.slice(1).entries()) {
		let event: unknown;
		try {
			event = JSON.parse(line);
		} catch {
			fail(name, `line ${i + 2} is not JSON`);
		}

		if (!Array.isArray(event) || event.length < 3 || typeof event[0] !== 'number' || !Number.isFinite(event[0]) || typeof event[1] !== 'string' || typeof event[2] !== 'string') {
			fail(name, `line ${i + 2} is not a [time, code, data] event`);
		}

		events.push({time: event[0] as number, kind: event[1] as string, data: event[2] as string});
	}

	return {
		width: width as number,
		height: height as number,
		title: typeof header['title'] === 'string' ? header['title'] : undefined,
		colours: coloursOf(header['theme']),
		events,
		duration: events.reduce((max, e) => Math.max(max, e.time), 0),
	};
}

/** Read and parse a recording; a missing or unreadable file is a UsageError too. */
export async function readCast(path: string): Promise<{cast: Cast; text: string}> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UsageError(code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot read (${code ?? 'error'})`);
	}

	return {cast: parseCast(text, path), text};
}
