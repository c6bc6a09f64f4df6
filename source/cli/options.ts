import {
	cpuCount,
	MODES,
	RUNTIMES,
	WORKS,
	type Mode,
	type RunConfig,
	type ServerOptions,
	type Work,
} from '../config/config.js';
import {parseCount} from './counts.js';
import {UsageError} from '../config/errors.js';
import {LANGS, langFromEnv, type Lang} from '../i18n/lang.js';
import {THEMES, type ThemeName} from '../config/terminal-colours.js';
import type {ExportJob} from '../export/run-export.js';
import {autoplayOf, exportJobOf, replayFileOf, saveOf} from './stage-options.js';

const COMMANDS = ['run', 'serve', 'compare', 'tour', 'export', 'replay'] as const;
export type Command = (typeof COMMANDS)[number];

/** What the command line asks for, before the --urls file is read. */
export type Options = {
	readonly command: Command;
	readonly config: RunConfig;
	readonly server: ServerOptions;
	/** The --urls path, still to be read (the config's target is 'embedded' until then). */
	readonly urlsFile: string | undefined;
	/** --lang, else from the locale. */
	readonly lang: Lang;
	/** (tour) --autoplay SECONDS: each scene waits this long after its run; null without the flag. */
	readonly autoplay: number | null;
	/** --trace FILE: where to write the Chrome trace (absent: no trace). */
	readonly trace?: string;
	/** --theme (NO_COLOR and --no-color still win: config.color is false then). */
	readonly theme: ThemeName;
	/** (export) the recording and what to make of it. */
	readonly exportJob?: ExportJob;
	/** --save FILE: keep the run's events for `concviz replay`. */
	readonly save?: string;
	/** (replay) the save file to play. */
	readonly replayFile?: string;
};

/** Flags as meow hands them over: numbers arrive as strings so that bad ones get our own message. */
export type RawFlags = Readonly<Record<string, unknown>>;

const KNOWN = new Set([
	'mode', 'work', 'requests', 'urls', 'latency', 'jitter', 'workers', 'threads', 'concurrency',
	'cpuMs', 'timeout', 'gil', 'failRate', 'bodyBytes', 'seed', 'fps', 'color', 'json', 'record', 'port',
	'lang',
	'autoplay',
	'trace', 'rate',
	'runtime', 'python',
	'theme',
	'html',
	'svg',
	'at',
	'save',
	'help', 'version',
]);

/** Input quoted in a one-line message: printable, at most 40 characters. */
const shown = (raw: string): string => {
	const printable = raw.replaceAll(/[\p{C}]/gu, '?');
	return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
};

const kebab = (name: string): string => name.replaceAll(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** Edits (insert, delete, substitute, swap two neighbours) from a to b: the optimal string alignment distance. */
function distance(a: string, b: string): number {
	const d = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
			}
		}
	}

	return d[a.length]![b.length]!;
}

/** The known option nearest to a mistyped one (kebab-case), when it is within a third of its length (at least 1, at most 2 edits). */
function nearestOption(name: string): string | undefined {
	const most = Math.min(2, Math.max(1, Math.floor(name.length / 3)));
	const ranked = [...KNOWN].map(known => kebab(known)).map(known => ({known, edits: distance(name, known)})).sort((x, y) => x.edits - y.edits);
	return ranked[0] && ranked[0].edits <= most ? ranked[0].known : undefined;
}

type FlagSpec = {readonly type: 'string' | 'boolean'; readonly shortFlag?: string};

/**
 * meow's flags with every string flag repeatable, so that a flag given twice
 * (`-n 3 -n 4`, `--requests=3 --requests=4`) reaches parseOptions as a list,
 * whose last value wins, instead of making meow throw.
 */
export function repeatable<T extends Record<string, FlagSpec>>(flags: T): {[K in keyof T]: T[K] & {isMultiple: boolean}} {
	return Object.fromEntries(Object.entries(flags).map(([name, spec]) => [name, {...spec, isMultiple: spec.type === 'string'}])) as {[K in keyof T]: T[K] & {isMultiple: boolean}};
}

/** A flag naming a file: its value, or undefined without the flag; given with no name, one line. */
function fileFlag(flags: RawFlags, name: string): string | undefined {
	const value = text(flags, name);
	if (value === '') {
		throw new UsageError(`--${name} needs a file name`);
	}

	return value;
}

/** A flag's value as text; given twice, the last one wins. */
export function text(flags: RawFlags, name: string): string | undefined {
	let value = flags[name];
	if (Array.isArray(value)) {
		value = value.at(-1);
	}

	if (value === undefined) {
		return undefined;
	}

	if (typeof value === 'boolean') {
		throw new UsageError(`--${kebab(name)} takes a value`);
	}

	return String(value).trim();
}

function integer(flags: RawFlags, name: string, fallback: number, min: number, max: number): number {
	const raw = text(flags, name);
	if (raw === undefined) {
		return fallback;
	}

	const value = /^-\d+$/.test(raw) ? Number(raw) : parseCount(raw.replace(/^\+/, ''));
	if (value === undefined || !Number.isSafeInteger(value)) {
		throw new UsageError(`--${kebab(name)} must be a whole number (4000, 4,000, 4_000, 4k, 4e3, 1.5k, 4M), got '${shown(raw)}'`);
	}

	if (value < min || value > max) {
		throw new UsageError(min === 1 && value < 1
			? `--${kebab(name)} must be a positive whole number, got ${value}`
			: `--${kebab(name)} must be between ${min} and ${max}, got ${value}`);
	}

	return value;
}

export function decimal(flags: RawFlags, name: string, fallback: number, min: number, max: number): number {
	const raw = text(flags, name);
	if (raw === undefined) {
		return fallback;
	}

	const value = raw === '' ? Number.NaN : Number(raw);
	if (!Number.isFinite(value)) {
		throw new UsageError(`--${kebab(name)} must be a number, got '${shown(raw)}'`);
	}

	if (value < min || value > max) {
		throw new UsageError(min === 0 && value < 0
			? `--${kebab(name)} must be 0 or more, got ${value}`
			: `--${kebab(name)} must be between ${min} and ${max}, got ${value}`);
	}

	return value;
}

function oneOf<T extends string>(flags: RawFlags, name: string, choices: readonly T[], fallback: T): T {
	const raw = text(flags, name);
	if (raw === undefined) {
		return fallback;
	}

	if (!(choices as readonly string[]).includes(raw)) {
		throw new UsageError(`unknown ${name} '${shown(raw)}' (choose one of: ${choices.join(', ')})`);
	}

	return raw as T;
}

const MAX_RATE = 1_000_000;

/** --rate R: requests per second in total (an open model); absent when not given. */
function rateOf(flags: RawFlags): {rate?: number} {
	if (text(flags, 'rate') === undefined) {
		return {};
	}

	// 0 is refused too, so the range is checked here rather than as decimal's 'min or more'.
	const rate = decimal(flags, 'rate', 0, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY);
	if (rate <= 0 || rate > MAX_RATE) {
		throw new UsageError(rate <= 0
			? `--rate must be more than 0 requests/s, got ${rate}`
			: `--rate must be at most ${MAX_RATE} requests/s, got ${rate}`);
	}

	return {rate};
}

/** --runtime node|python, and for python the interpreter (--python PATH, else CONCVIZ_PYTHON, else python3). */
function runtimeOf(flags: RawFlags, env: NodeJS.ProcessEnv): Pick<RunConfig, 'runtime' | 'python'> {
	const runtime = oneOf(flags, 'runtime', RUNTIMES, 'node');
	if (runtime === 'node') {
		return {};
	}

	if (flags['gil'] === true) {
		throw new UsageError('--gil emulates the GIL in Node only; under --runtime python the GIL is the real one');
	}

	const python = text(flags, 'python');
	if (python === '') {
		throw new UsageError('--python needs an interpreter (a path or a name on PATH)');
	}

	return {runtime, python: {path: python ?? (env['CONCVIZ_PYTHON'] || 'python3')}};
}

/**
 * Flags and positional input → what to run. Pure: throws UsageError with a
 * one-line message for anything it cannot accept.
 */
export function parseOptions(
	flags: RawFlags,
	input: readonly string[],
	env: Readonly<Record<string, string | undefined>> = {},
	randomSeed: () => number = () => Math.floor(Math.random() * 2 ** 31),
): Options {
	const unknown = Object.keys(flags).filter((name) => !KNOWN.has(name));
	if (unknown.length > 0) {
		const name = unknown[0]!;
		const near = name.length > 1 ? nearestOption(kebab(name)) : undefined;
		throw new UsageError(`unknown option ${name.length === 1 ? '-' : '--'}${shown(kebab(name))}${near ? `; did you mean --${near}?` : ' (see concviz --help)'}`);
	}

	if (input.length > (input[0] === 'export' || input[0] === 'replay' ? 2 : 1)) {
		throw new UsageError(`unexpected argument '${shown(input.at(-1)!)}' (see concviz --help)`);
	}

	const commandWord = input[0] ?? 'run';
	if (!(COMMANDS as readonly string[]).includes(commandWord) || commandWord === 'run' && input.length > 0) {
		throw new UsageError(`unknown command '${shown(commandWord)}' (commands: serve, compare, tour, export, replay)`);
	}

	const command = commandWord as Command;
	const mode: Mode = oneOf(flags, 'mode', MODES, 'sequential');
	const work: Work = oneOf(flags, 'work', WORKS, 'io');
	const urlsFile = fileFlag(flags, 'urls');
	const record = fileFlag(flags, 'record');
	const trace = fileFlag(flags, 'trace');
	const save = saveOf(fileFlag(flags, 'save'), command);

	const replayFile = command === 'replay' ? replayFileOf(input[1]) : undefined;
	const latency = decimal(flags, 'latency', 100, 0, 600_000);
	const jitter = decimal(flags, 'jitter', 0, 0, 600_000);
	const failRate = decimal(flags, 'failRate', 0, 0, 1);
	const bodyBytes = integer(flags, 'bodyBytes', 1024, 0, 64 * 1024 * 1024);
	const seed = integer(flags, 'seed', Number.NaN, 0, 2 ** 32 - 1);
	const resolvedSeed = Number.isNaN(seed) ? randomSeed() : seed;
	const noColor = env['NO_COLOR'] !== undefined;
	const config: RunConfig = {
		mode,
		work,
		requests: integer(flags, 'requests', 400, 1, 100_000_000),
		target: {kind: 'embedded'},
		latency,
		jitter,
		workers: integer(flags, 'workers', cpuCount(), 1, 1024),
		threads: integer(flags, 'threads', 4, 1, 1024),
		concurrency: integer(flags, 'concurrency', 1000, 1, 100_000),
		cpuMs: integer(flags, 'cpuMs', 10, 1, 60_000),
		timeout: integer(flags, 'timeout', 10_000, 1, 3_600_000),
		gil: flags['gil'] === true,
		failRate,
		bodyBytes,
		seed: resolvedSeed,
		fps: integer(flags, 'fps', 10, 1, 60),
		color: flags['color'] !== false && !noColor,
		json: flags['json'] === true,
		record,
		...rateOf(flags),
		...runtimeOf(flags, env),
	};
	const server: ServerOptions = {
		port: integer(flags, 'port', 0, 0, 65_535),
		latency,
		jitter,
		failRate,
		bodyBytes,
		seed: resolvedSeed,
	};
	const lang = oneOf(flags, 'lang', LANGS, langFromEnv(env));
	const theme = oneOf(flags, 'theme', THEMES, 'dark');
	const exportJob = command === 'export' ? exportJobOf(flags, input[1]) : undefined;
	return {command, config, server, urlsFile, lang, autoplay: autoplayOf(flags), theme, ...(trace === undefined ? {} : {trace}), ...(exportJob ? {exportJob} : {}), ...(save === undefined ? {} : {save}), ...(replayFile === undefined ? {} : {replayFile})};
}
