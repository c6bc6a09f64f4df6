import {basename} from 'node:path';
import {UsageError} from '../config/errors.js';
import type {CastEvent, CastHead} from './cast.js';
import {castBytes, openCast} from './open-cast.js';
import {chaptersOf} from './chapters.js';
import {type FrameStart, createFrameTracker} from './frames.js';
import {pageParts} from './html.js';
import {writeParts} from './output.js';
import {createTerminalScreen} from './screen-at.js';
import {svgParts} from './svg.js';

/** `concviz export FILE.cast (--html OUT.html | --svg OUT.svg [--at SECONDS])`. */
export type ExportJob = {
	readonly cast: string;
	readonly html: string | undefined;
	readonly svg: string | undefined;
	/** Seconds into the recording for the SVG; undefined: the last dashboard frame (frames.ts). */
	readonly at: number | undefined;
};

/**
 * The largest recording the page embeds: the browser holds it whole, as one
 * string and again as the player's events (V8's longest string is 512 MB).
 */
const MAX_PAGE_BYTES = 128 * 1024 * 1024;

const MB = 1024 * 1024;

/** What reading the recording through once found: every line checked, its length, its markers, where its last frame starts. */
type Scan = {readonly head: CastHead; readonly duration: number; readonly markers: {time: number; label: string}[]; readonly lastFrame: FrameStart | undefined};

async function scan(path: string, markers: boolean): Promise<Scan> {
	const {head, events} = await openCast(path);
	let duration = 0;
	const found: {time: number; label: string}[] = [];
	const frames = createFrameTracker();
	for await (const event of events) {
		duration = Math.max(duration, event.time);
		frames.see(event);
		if (markers && event.kind === 'm') {
			found.push({time: event.time, label: event.data});
		}
	}

	return {head, duration, markers: found, lastFrame: frames.lastFrameStart()};
}

async function* eventsOf(path: string): AsyncGenerator<CastEvent> {
	yield* (await openCast(path)).events;
}

/** Which of the recording's events a still plays, in order: the event (or its first part), or undefined to stop. */
type Until = (event: CastEvent, index: number) => CastEvent | undefined;

const untilTime = (at: number): Until => (event) => (event.time > at ? undefined : event);

/** Up to where the last frame starts, within its event too. */
const untilFrame = (frame: FrameStart): Until => (event, index) =>
	index < frame.index ? event : (index === frame.index ? {...event, data: event.data.slice(0, frame.offset)} : undefined);

/** A still: the recording read again, played into an emulator as far as `until` lets it. */
async function still(path: string, until: Until) {
	const {head, events} = await openCast(path);
	const terminal = createTerminalScreen(head);
	try {
		let index = 0;
		for await (const event of events) {
			const played = until(event, index++);
			if (!played) {
				break;
			}

			await terminal.apply(played);
		}

		return await terminal.screen();
	} finally {
		terminal.dispose();
	}
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`;

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

	const {head, duration, markers, lastFrame} = await scan(job.cast, job.html !== undefined);
	const title = head.title && head.title !== 'concviz' ? head.title : `concviz · ${basename(job.cast)}`;
	if (job.html !== undefined) {
		// The player shows the last dashboard frame before it plays: a moment between it and the summary, if they are apart.
		const poster = lastFrame && lastFrame.time > lastFrame.before ? (lastFrame.before + lastFrame.time) / 2 : duration + 1;
		await writeParts(job.html, pageParts({title, head, markers, poster, events: eventsOf(job.cast)}));
		out.write(`${job.html}: page with the player and ${plural(chaptersOf(markers).length, 'chapter', 'chapters')}\n`);
	}

	if (job.svg !== undefined) {
		const at = job.at ?? lastFrame?.before ?? duration;
		const until = job.at === undefined && lastFrame ? untilFrame(lastFrame) : untilTime(at);
		await writeParts(job.svg, svgParts(await still(job.cast, until), `${title} at ${at.toFixed(1)}s`));
		out.write(`${job.svg}: the screen at ${at.toFixed(1)}s of ${duration.toFixed(1)}s\n`);
	}

	return 0;
}
