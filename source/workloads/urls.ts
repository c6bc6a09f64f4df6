import type {TaskTarget} from './workload.js';

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

	if (target.kind === 'granted') {
		throw new Error('a granted target has no URL of its own: it comes with each task');
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

export function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}
