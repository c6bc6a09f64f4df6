import {writeFile} from 'node:fs/promises';
import {basename} from 'node:path';
import {UsageError} from '../config/errors.js';
import {readCast} from './cast.js';
import {castToHtml} from './html.js';
import {screenAt} from './screen-at.js';
import {screenToSvg} from './svg.js';

/** `concviz export FILE.cast (--html OUT.html | --svg OUT.svg [--at SECONDS])`. */
export type ExportJob = {
	readonly cast: string;
	readonly html: string | undefined;
	readonly svg: string | undefined;
	/** Seconds into the recording for the SVG; undefined: the last frame. */
	readonly at: number | undefined;
};

async function write(path: string, text: string): Promise<void> {
	try {
		await writeFile(path, text);
	} catch (error) {
		throw new UsageError(`${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
	}
}

/** Write the page and/or the still; one line per file written on `out`. Returns the exit code. */
export async function runExport(job: ExportJob, out: NodeJS.WritableStream): Promise<number> {
	const {cast, text} = await readCast(job.cast);
	const title = cast.title && cast.title !== 'concviz' ? cast.title : `concviz · ${basename(job.cast)}`;
	if (job.html !== undefined) {
		await write(job.html, await castToHtml(cast, text, title));
		out.write(`${job.html}: page with the player and ${cast.events.filter((e) => e.kind === 'm').length} chapters\n`);
	}

	if (job.svg !== undefined) {
		const at = job.at ?? cast.duration;
		await write(job.svg, screenToSvg(await screenAt(cast, at), `${title} at ${at.toFixed(1)}s`));
		out.write(`${job.svg}: the screen at ${at.toFixed(1)}s of ${cast.duration.toFixed(1)}s\n`);
	}

	return 0;
}
