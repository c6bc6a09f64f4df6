import {closeSync, openSync, readSync} from 'node:fs';
import {open} from 'node:fs/promises';
import {UsageError, fileWhy} from '../config/errors.js';
import {isHttpUrl} from './urls.js';

/** Longest line taken for a URL; longer lines are invalid (and never held in memory whole). */
export const MAX_URL_BYTES = 64 * 1024;
/** Invalid line numbers kept to name (the rest are only counted). */
export const MAX_INVALID_KEPT = 10;
const CHUNK_BYTES = 256 * 1024;
const BLOCK_BYTES = 64 * 1024;

/**
 * A --urls file, indexed: where each valid URL's line is in the file (its
 * byte offset and length), not the URLs themselves. URLs are read back from
 * the file as tasks are handed out (task i → URL i mod count), so a file of
 * millions of lines costs its index (12 bytes a URL) in the main process and
 * nothing in the workers, which get each URL with its task.
 */
export type UrlSource = {
	readonly file: string;
	/** Valid URLs in the file. */
	readonly count: number;
	/** The first invalid lines (numbered from 1) and how many there are in all. */
	readonly invalid: {readonly lines: readonly number[]; readonly total: number};
	/** The URLs of these tasks, in order. */
	urlsOf(tasks: readonly number[]): string[];
	close(): void;
};

type Index = {starts: Float64Array; lengths: Uint32Array; count: number};

const grow = (index: Index): void => {
	const starts = new Float64Array(Math.max(1024, index.starts.length * 2));
	const lengths = new Uint32Array(starts.length);
	starts.set(index.starts);
	lengths.set(index.lengths);
	index.starts = starts;
	index.lengths = lengths;
};

const lineText = (bytes: Buffer): string => bytes.toString('utf8').replace(/^\uFEFF/, '').trim();

/** One pass over the file, a chunk at a time: the index of valid lines, and the invalid ones. */
async function indexFile(path: string): Promise<{index: Index; invalid: {lines: number[]; total: number}}> {
	const index: Index = {starts: new Float64Array(0), lengths: new Uint32Array(0), count: 0};
	const invalid = {lines: [] as number[], total: 0};
	const handle = await open(path, 'r');
	try {
		const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
		let pending: Buffer[] = [];
		let pendingBytes = 0;
		let lineStart = 0;
		let offset = 0;
		let line = 0;
		// Only the first MAX_URL_BYTES of a line are kept: longer lines are invalid whatever they hold.
		const keep = (part: Buffer): void => {
			if (pendingBytes <= MAX_URL_BYTES) {
				pending.push(Buffer.from(part));
			}

			pendingBytes += part.length;
		};

		const endLine = (end: number): void => {
			line++;
			const bytes = Buffer.concat(pending, pendingBytes);
			pending = [];
			pendingBytes = 0;
			const length = end - lineStart;
			const text = length > MAX_URL_BYTES ? undefined : lineText(bytes);
			if (text === '' || text?.startsWith('#')) {
				return;
			}

			if (text !== undefined && isHttpUrl(text)) {
				if (index.count === index.starts.length) {
					grow(index);
				}

				index.starts[index.count] = lineStart;
				index.lengths[index.count] = length;
				index.count++;
			} else {
				invalid.total++;
				if (invalid.lines.length < MAX_INVALID_KEPT) {
					invalid.lines.push(line);
				}
			}
		};

		for (;;) {
			const {bytesRead} = await handle.read(chunk, 0, CHUNK_BYTES, offset);
			if (bytesRead === 0) {
				break;
			}

			let from = 0;
			for (let nl = chunk.indexOf(0x0A, 0); nl !== -1 && nl < bytesRead; nl = chunk.indexOf(0x0A, from)) {
				keep(chunk.subarray(from, nl));
				endLine(offset + nl);
				lineStart = offset + nl + 1;
				from = nl + 1;
			}

			keep(chunk.subarray(from, bytesRead));
			offset += bytesRead;
		}

		if (offset > lineStart) {
			endLine(offset);
		}

	} finally {
		await handle.close();
	}

	return {index, invalid};
}

/**
 * Index a --urls file. Throws UsageError (one line) when it is missing,
 * unreadable, a directory, or holds no valid URL.
 */
export async function openUrlFile(path: string): Promise<UrlSource> {
	let indexed: Awaited<ReturnType<typeof indexFile>>;
	try {
		indexed = await indexFile(path);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UsageError(code === 'ENOENT' ? `--urls: file not found: ${path}`
			: code === 'EISDIR' ? `--urls: ${path} is a directory` : `--urls: cannot read ${path}: ${fileWhy(error)}`);
	}

	const {index, invalid} = indexed;
	if (index.count === 0) {
		const more = invalid.total - invalid.lines.length;
		const lines = invalid.lines.join(', ') + (more > 0 ? ` and ${more} more` : '');
		throw new UsageError(`--urls: no valid URL in ${path}${lines === '' ? '' : ` (invalid lines: ${lines})`}`);
	}

	return createSource(path, index, invalid);
}

function createSource(path: string, index: Index, invalid: {lines: number[]; total: number}): UrlSource {
	let fd: number | undefined;
	// One block of the file, read ahead: consecutive tasks are consecutive lines.
	let block = Buffer.alloc(0);
	let blockStart = 0;
	const lineAt = (i: number): string => {
		const start = index.starts[i]!;
		const length = index.lengths[i]!;
		if (start < blockStart || start + length > blockStart + block.length) {
			fd ??= openSync(path, 'r');
			block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, length));
			const read = readSync(fd, block, 0, block.length, start);
			block = block.subarray(0, read);
			blockStart = start;
		}

		return lineText(block.subarray(start - blockStart, start - blockStart + length));
	};

	return {
		file: path,
		count: index.count,
		invalid,
		// A file gone or changed since it was indexed: the task fails (an empty URL) rather than the dispatcher.
		urlsOf: tasks => tasks.map(task => {
			try {
				return lineAt(task % index.count);
			} catch {
				return '';
			}
		}),
		close() {
			if (fd !== undefined) {
				closeSync(fd);
				fd = undefined;
			}
		},
	};
}
