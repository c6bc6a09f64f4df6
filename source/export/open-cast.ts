import {open} from 'node:fs/promises';
import {UsageError} from '../config/errors.js';
import {type Cast, type CastEvent, type CastHead, MAX_LINE_BYTES, createParser, fail} from './cast.js';
import {type Line, linesOf} from './lines.js';

const cannotRead = (path: string, error: unknown): UsageError => {
	const code = (error as NodeJS.ErrnoException).code;
	return new UsageError(code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot read (${code ?? 'error'})`);
};

/** The recording's size in bytes; a missing or unreadable file is a UsageError. */
export async function castBytes(path: string): Promise<number> {
	try {
		const handle = await open(path);
		try {
			return (await handle.stat()).size;
		} finally {
			await handle.close();
		}
	} catch (error) {
		throw cannotRead(path, error);
	}
}

/** A recording being read: its header, and its events to come, read line by line as they are asked for. */
export type OpenCast = {readonly head: CastHead; readonly events: AsyncGenerator<CastEvent, void, undefined>};

/**
 * Open a recording and read its header; its events are read as the caller
 * iterates them (memory bounded by the longest line, whatever the file's
 * size), and the file is closed when they end or the caller stops.
 */
export async function openCast(path: string): Promise<OpenCast> {
	let handle;
	try {
		handle = await open(path);
	} catch (error) {
		throw cannotRead(path, error);
	}

	const stream = handle.createReadStream({highWaterMark: 1024 * 1024});
	const parser = createParser(path);
	const lines = linesOf(stream, MAX_LINE_BYTES, (number) => fail(path, `line ${number} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB`));
	const readErrors = (error: unknown): never => {
		throw (error as NodeJS.ErrnoException).code === undefined ? error : cannotRead(path, error);
	};

	async function* events(first: Line[]): AsyncGenerator<CastEvent, void, undefined> {
		try {
			let batch: Line[] | undefined = first;
			while (batch) {
				for (const line of batch) {
					const event = parser.line(line);
					if (event) {
						yield event;
					}
				}

				batch = (await lines.next().catch(readErrors)).value ?? undefined;
			}
		} finally {
			stream.destroy();
		}
	}

	try {
		// The header is the first line that is not blank; what follows it in its batch are events.
		for (;;) {
			const next = await lines.next().catch(readErrors);
			const batch = next.done ? [] : next.value;
			const at = batch.findIndex((line) => line.text.trim() !== '');
			if (at !== -1 || next.done) {
				if (at !== -1) {
					parser.line(batch[at]!);
				}

				return {head: parser.head(), events: events(batch.slice(at + 1))};
			}
		}
	} catch (error) {
		stream.destroy();
		throw error;
	}
}

/** A recording read whole into memory (the media script's, which looks at it several times). */
export async function loadCast(path: string): Promise<Cast> {
	const {head, events} = await openCast(path);
	const all: CastEvent[] = [];
	for await (const event of events) {
		all.push(event);
	}

	return {...head, events: all, duration: all.reduce((max, e) => Math.max(max, e.time), 0)};
}
