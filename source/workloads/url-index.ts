import type {FileHandle} from 'node:fs/promises';
import {UsageError} from '../config/errors.js';
import {isHttpUrl} from './urls.js';

/** Longest line taken for a URL; longer lines are invalid (and never held in memory whole). */
export const MAX_URL_BYTES = 64 * 1024;
/** Largest --urls file read: its index costs 12 bytes a URL, about 120 MB for a file this size of short URLs. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** A file with no line break in its first MB is no list of URLs. */
const FIRST_LINE_MAX_BYTES = 1024 * 1024;
/** Invalid line numbers kept to name, of each kind (the rest are only counted). */
const MAX_INVALID_KEPT = 10;
const CHUNK_BYTES = 256 * 1024;

/** Lines of one kind: the first few (numbered from 1) and how many there are in all. */
export type Lines = {readonly lines: readonly number[]; readonly total: number};

/** Where each valid URL's line is in the file: its byte offset and length. */
export type Index = {starts: Float64Array; lengths: Uint32Array; count: number};

export type Indexed = {
	readonly index: Index;
	/** Lines that are neither blank, comments nor http(s) URLs. */
	readonly invalid: Lines;
	/** Lines longer than MAX_URL_BYTES, whatever they hold. */
	readonly tooLong: Lines;
};

const grow = (index: Index): void => {
	const starts = new Float64Array(Math.max(1024, index.starts.length * 2));
	const lengths = new Uint32Array(starts.length);
	starts.set(index.starts);
	lengths.set(index.lengths);
	index.starts = starts;
	index.lengths = lengths;
};

export const lineText = (bytes: Buffer): string => bytes.toString('utf8').replace(/^\uFEFF/, '').trim();

const counter = (): {lines: number[]; total: number; add(line: number): void} => ({
	lines: [],
	total: 0,
	add(line) {
		this.total++;
		if (this.lines.length < MAX_INVALID_KEPT) {
			this.lines.push(line);
		}
	},
});

/**
 * One pass over an open file, a chunk at a time: the index of valid lines,
 * and the invalid ones. What it reads is capped, so a file without end (one
 * that grows as it is read) cannot keep it going: past MAX_FILE_BYTES, or
 * with no line break in its first FIRST_LINE_MAX_BYTES, it is refused
 * (UsageError, one line).
 */
export async function indexUrls(handle: FileHandle, path: string): Promise<Indexed> {
	const index: Index = {starts: new Float64Array(0), lengths: new Uint32Array(0), count: 0};
	const invalid = counter();
	const tooLong = counter();
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
		const length = end - lineStart;
		const text = length > MAX_URL_BYTES ? undefined : lineText(Buffer.concat(pending, pendingBytes));
		pending = [];
		pendingBytes = 0;
		if (text === undefined) {
			tooLong.add(line);
		} else if (text === '' || text.startsWith('#')) {
			// Blank lines and comments are skipped.
		} else if (isHttpUrl(text)) {
			if (index.count === index.starts.length) {
				grow(index);
			}

			index.starts[index.count] = lineStart;
			index.lengths[index.count] = length;
			index.count++;
		} else {
			invalid.add(line);
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
		if (offset > MAX_FILE_BYTES) {
			throw tooLarge(path);
		}

		if (lineStart === 0 && offset >= FIRST_LINE_MAX_BYTES) {
			throw new UsageError(`--urls: ${path} has no line break in its first ${FIRST_LINE_MAX_BYTES / 2 ** 20} MB: not a file of URLs`);
		}
	}

	if (offset > lineStart) {
		endLine(offset);
	}

	return {index, invalid: {lines: invalid.lines, total: invalid.total}, tooLong: {lines: tooLong.lines, total: tooLong.total}};
}

export const tooLarge = (path: string): UsageError =>
	new UsageError(`--urls: ${path} is larger than ${MAX_FILE_BYTES / 2 ** 20} MB, the largest file of URLs read`);
