import {readSync, constants, type Stats} from 'node:fs';
import {open, type FileHandle} from 'node:fs/promises';
import {UsageError, fileWhy} from '../config/errors.js';
import {MAX_FILE_BYTES, MAX_URL_BYTES, indexUrls, lineText, tooLarge, type Index, type Lines} from './url-index.js';

export {MAX_FILE_BYTES, MAX_URL_BYTES} from './url-index.js';

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
	readonly invalid: Lines;
	/** The first lines longer than MAX_URL_BYTES and how many there are. */
	readonly tooLong: Lines;
	/** The URLs of these tasks, in order. */
	urlsOf(tasks: readonly number[]): string[];
	close(): void;
};

const listed = ({lines, total}: Lines): string => {
	const more = total - lines.length;
	return lines.join(', ') + (more > 0 ? ` and ${more} more` : '');
};

/** The lines skipped, by kind: `invalid lines: 2, 5; lines longer than 64 KB: 7` ('' when there are none). */
export function describeSkipped(source: Pick<UrlSource, 'invalid' | 'tooLong'>): string {
	return [
		...(source.invalid.total > 0 ? [`invalid lines: ${listed(source.invalid)}`] : []),
		...(source.tooLong.total > 0 ? [`lines longer than ${MAX_URL_BYTES / 1024} KB: ${listed(source.tooLong)}`] : []),
	].join('; ');
}

/** What a path that is not a regular file is, in words. */
const kindOf = (stats: Stats): string =>
	stats.isFIFO() ? 'a pipe (FIFO)' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : stats.isSocket() ? 'a socket' : 'not a regular file';

/**
 * Opens without blocking (a FIFO with no writer would block an ordinary
 * open), then takes only a regular file no larger than MAX_FILE_BYTES:
 * pipes, devices (/dev/zero, /dev/urandom) and sockets are refused, since
 * the URLs are read back by their place in the file.
 */
async function openRegular(path: string): Promise<FileHandle> {
	let handle: FileHandle;
	try {
		handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UsageError(code === 'ENOENT' ? `--urls: file not found: ${path}`
			: code === 'ENXIO' ? `--urls: ${path} is not a regular file: save the URLs to one`
				: `--urls: cannot read ${path}: ${fileWhy(error)}`);
	}

	const stats = await handle.stat().catch(async (error: unknown) => {
		await handle.close();
		throw new UsageError(`--urls: cannot read ${path}: ${fileWhy(error)}`);
	});
	const refusal = stats.isDirectory() ? new UsageError(`--urls: ${path} is a directory`)
		: !stats.isFile() ? new UsageError(`--urls: ${path} is ${kindOf(stats)}, not a file: save the URLs to one`)
			: stats.size > MAX_FILE_BYTES ? tooLarge(path) : undefined;
	if (refusal) {
		await handle.close();
		throw refusal;
	}

	return handle;
}

/**
 * Index a --urls file. Throws UsageError (one line) when it is missing,
 * unreadable, a directory, not a regular file, too large, or holds no valid URL.
 */
export async function openUrlFile(path: string): Promise<UrlSource> {
	const handle = await openRegular(path);
	let indexed: Awaited<ReturnType<typeof indexUrls>>;
	try {
		indexed = await indexUrls(handle, path);
	} catch (error) {
		await handle.close();
		throw error instanceof UsageError ? error : new UsageError(`--urls: cannot read ${path}: ${fileWhy(error)}`);
	}

	const {index, invalid, tooLong} = indexed;
	if (index.count === 0) {
		await handle.close();
		const skipped = describeSkipped(indexed);
		throw new UsageError(`--urls: no valid URL in ${path}${skipped === '' ? '' : ` (${skipped})`}`);
	}

	return createSource(path, handle, index, {invalid, tooLong});
}

/** The source reads back from the file it indexed (the handle it keeps), not from whatever the path names later. */
function createSource(path: string, handle: FileHandle, index: Index, skipped: Pick<UrlSource, 'invalid' | 'tooLong'>): UrlSource {
	let open = true;
	// One block of the file, read ahead: consecutive tasks are consecutive lines.
	let block = Buffer.alloc(0);
	let blockStart = 0;
	const lineAt = (i: number): string => {
		const start = index.starts[i]!;
		const length = index.lengths[i]!;
		if (start < blockStart || start + length > blockStart + block.length) {
			if (!open) {
				throw new Error('closed');
			}

			block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, length));
			const read = readSync(handle.fd, block, 0, block.length, start);
			block = block.subarray(0, read);
			blockStart = start;
		}

		return lineText(block.subarray(start - blockStart, start - blockStart + length));
	};

	return {
		file: path,
		count: index.count,
		...skipped,
		// A file changed since it was indexed: the task fails (an empty URL) rather than the dispatcher.
		urlsOf: tasks => tasks.map(task => {
			try {
				return lineAt(task % index.count);
			} catch {
				return '';
			}
		}),
		close() {
			if (open) {
				open = false;
				handle.close().catch(() => undefined);
			}
		},
	};
}
