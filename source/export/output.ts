import {createWriteStream} from 'node:fs';
import {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import {UsageError} from '../config/errors.js';

/**
 * Write a file from its parts as they are made, waiting while the disk
 * catches up, so a large page or still is never held whole. A file that
 * cannot be written is a UsageError; an error of the parts is passed on.
 */
export async function writeParts(path: string, parts: Iterable<string> | AsyncIterable<string>): Promise<void> {
	try {
		await pipeline(Readable.from(parts), createWriteStream(path));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw code === undefined || error instanceof UsageError ? error : new UsageError(`${path}: cannot write (${code})`);
	}
}
