import {readFile} from 'node:fs/promises';
import {UsageError} from '../config/errors.js';
import type {TaskTarget} from './workload.js';

/** Invalid line numbers named in the one-line error before `and N more`. */
const MAX_LINES_SHOWN = 10;

export type UrlList = {
	readonly urls: string[];
	/** Lines that are neither blank, comments nor http(s) URLs; `line` counts from 1. */
	readonly invalid: Array<{line: number; text: string}>;
};

/** The URL of task `task`: `${baseUrl}/r/${task}` for the embedded server, urls[task % urls.length] for a list. */
export function urlFor(target: TaskTarget, task: number): string {
	if (target.kind === 'generated') {
		return `${target.baseUrl}/r/${task}`;
	}

	return target.urls[task % target.urls.length]!;
}

/** One URL a line; blank lines and `#` comments skipped; only http: and https: URLs are valid. */
export function parseUrlList(text: string): UrlList {
	const urls: string[] = [];
	const invalid: Array<{line: number; text: string}> = [];
	for (const [index, raw] of text.split(/\r?\n/).entries()) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) {
			continue;
		}

		if (isHttpUrl(line)) {
			urls.push(line);
		} else {
			invalid.push({line: index + 1, text: line});
		}
	}

	return {urls, invalid};
}

function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}

/**
 * Read a --urls file. Throws UsageError (one line) when the file is missing,
 * unreadable, or holds no valid URL; invalid lines of an otherwise usable
 * file are returned for the caller to report.
 */
export async function readUrlFile(path: string): Promise<UrlList> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'error';
		if (code === 'ENOENT') {
			throw new UsageError(`--urls: file not found: ${path}`);
		}

		throw new UsageError(`--urls: cannot read ${path}: ${code}`);
	}

	const list = parseUrlList(text);
	if (list.urls.length === 0) {
		const shown = list.invalid.slice(0, MAX_LINES_SHOWN).map(entry => entry.line);
		const more = list.invalid.length - shown.length;
		const lines = shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
		throw new UsageError(`--urls: no valid URL in ${path}${lines === '' ? '' : ` (invalid lines: ${lines})`}`);
	}

	return list;
}
