import type {ExportJob} from '../export/run-export.js';
import {UsageError} from '../config/errors.js';
import {type RawFlags, decimal, text} from './options.js';

/** Seconds to wait after each scene's run when --autoplay is given ('' → DEFAULT_AUTOPLAY). */
export const DEFAULT_AUTOPLAY = 8;

/**
 * The command line with a bare `--autoplay` (last, or before another flag)
 * given its default: meow drops a string flag's empty value, so the bare
 * flag would read as absent.
 */
export const withBareAutoplay = (argv: readonly string[]): string[] =>
	argv.map((arg, i) => (arg === '--autoplay' && (i === argv.length - 1 || argv[i + 1]!.startsWith('-')) ? `--autoplay=${DEFAULT_AUTOPLAY}` : arg));

export function autoplayOf(flags: RawFlags): number | null {
	if (text(flags, 'autoplay') === undefined) {
		return null;
	}

	return text(flags, 'autoplay') === '' ? DEFAULT_AUTOPLAY : decimal(flags, 'autoplay', DEFAULT_AUTOPLAY, 0, 3600);
}

export function exportJobOf(flags: RawFlags, cast: string | undefined): ExportJob {
	if (cast === undefined || cast === '') {
		throw new UsageError('export needs a recording: concviz export FILE.cast (--html OUT.html | --svg OUT.svg)');
	}

	const html = text(flags, 'html');
	const svg = text(flags, 'svg');
	if (html === '' || svg === '' || (html === undefined && svg === undefined)) {
		throw new UsageError('export needs --html OUT.html or --svg OUT.svg');
	}

	const at = text(flags, 'at') === undefined ? undefined : decimal(flags, 'at', 0, 0, 1e9);
	if (at !== undefined && svg === undefined) {
		throw new UsageError('--at applies to --svg');
	}

	return {cast, html, svg, at};
}

/** `concviz replay FILE`: the save file named. */
export function replayFileOf(file: string | undefined): string {
	if (file === undefined || file === '') {
		throw new UsageError('replay needs a save file: concviz replay FILE (made with --save FILE)');
	}

	return file;
}

/** --save FILE: only a run or a compare is saved. */
export function saveOf(save: string | undefined, command: string): string | undefined {
	if (save !== undefined && command !== 'run' && command !== 'compare') {
		throw new UsageError(`--save keeps a run or a compare; concviz ${command} does not save`);
	}

	return save;
}
