import {basename} from 'node:path';
import {UsageError} from '../config/errors.js';
import {type CastEvent, type CastHead, castBytes, openCast} from './cast.js';
import {pageParts} from './html.js';
import {writeParts} from './output.js';
import {createTerminalScreen} from './screen-at.js';
import {svgParts} from './svg.js';

/** `concviz export FILE.cast (--html OUT.html | --svg OUT.svg [--at SECONDS])`. */
export type ExportJob = {
	readonly cast: string;
	readonly html: string | undefined;
	readonly svg: string | undefined;
	/** Seconds into the recording for the SVG; undefined: the last frame. */
	readonly at: number | undefined;
};

/**
 * The largest recording the page embeds: the browser holds it whole, as one
 * string and again as the player's events (V8's longest string is 512 MB).
 */
export const MAX_PAGE_BYTES = 128 * 1024 * 1024;

const MB = 1024 * 1024;

/** What reading the recording through once found: every line checked, its length, its chapters. */
type Scan = {readonly head: CastHead; readonly duration: number; readonly chapters: {time: number; label: string}[]};

async function scan(path: string, chapters: boolean): Promise<Scan> {
	const {head, events} = await openCast(path);
	let duration = 0;
	const found: {time: number; label: string}[] = [];
	for await (const event of events) {
		duration = Math.max(duration, event.time);
		if (chapters && event.kind === 'm') {
			found.push({time: event.time, label: event.data});
		}
	}

	return {head, duration, chapters: found};
}

async function* eventsOf(path: string): AsyncGenerator<CastEvent> {
	yield* (await openCast(path)).events;
}

/** The screen `at` seconds in: the recording read again, played into an emulator up to then. */
async function stillAt(path: string, at: number) {
	const {head, events} = await openCast(path);
	const terminal = createTerminalScreen(head);
	try {
		for await (const event of events) {
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

/**
 * Write the page and/or the still; one line per file written on `out`. Returns the exit code.
 * The recording is read through first, so a malformed one writes nothing; then
 * once more for each file, which is written as it is made.
 */
export async function runExport(job: ExportJob, out: NodeJS.WritableStream): Promise<number> {
	if (job.html !== undefined) {
		const bytes = await castBytes(job.cast);
		if (bytes > MAX_PAGE_BYTES) {
			throw new UsageError(`${job.cast}: ${Math.round(bytes / MB)} MB; the page takes recordings of at most ${MAX_PAGE_BYTES / MB} MB (the browser holds the whole recording)`);
		}
	}

	const {head, duration, chapters} = await scan(job.cast, job.html !== undefined);
	const title = head.title && head.title !== 'concviz' ? head.title : `concviz · ${basename(job.cast)}`;
	if (job.html !== undefined) {
		await writeParts(job.html, pageParts({title, head, chapters, poster: duration + 1, events: eventsOf(job.cast)}));
		out.write(`${job.html}: page with the player and ${chapters.length} chapters\n`);
	}

	if (job.svg !== undefined) {
		const at = job.at ?? duration;
		await writeParts(job.svg, svgParts(await stillAt(job.cast, at), `${title} at ${at.toFixed(1)}s`));
		out.write(`${job.svg}: the screen at ${at.toFixed(1)}s of ${duration.toFixed(1)}s\n`);
	}

	return 0;
}
