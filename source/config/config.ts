import os from 'node:os';

/** The six concurrency models, in key order (keys 1–6). */
export const MODES = [
	'sequential',
	'processes',
	'threads',
	'processes-threads',
	'async',
	'processes-async',
] as const;
export type Mode = (typeof MODES)[number];

export const WORKS = ['io', 'cpu', 'mixed'] as const;
export type Work = (typeof WORKS)[number];

/** Task ids → URLs of a --urls file (workloads/url-file.ts), read as tasks are handed out. */
export type UrlSource = {readonly count: number; urlsOf(tasks: readonly number[]): string[]};

/** Where tasks go: the embedded server (generated URLs) or a --urls file. */
export type Target =
	| {readonly kind: 'embedded'}
	| {readonly kind: 'urls'; readonly file: string; readonly source: UrlSource};

/** Options of the embedded latency server. */
export type ServerOptions = {
	readonly port: number;
	readonly latency: number;
	readonly jitter: number;
	readonly failRate: number;
	readonly bodyBytes: number;
	readonly seed: number;
};

/** One run, fully resolved from the command line (see options.ts). */
export type RunConfig = {
	readonly mode: Mode;
	readonly work: Work;
	readonly requests: number;
	readonly target: Target;
	readonly latency: number;
	readonly jitter: number;
	readonly workers: number;
	readonly threads: number;
	readonly concurrency: number;
	readonly cpuMs: number;
	readonly timeout: number;
	readonly gil: boolean;
	readonly failRate: number;
	readonly bodyBytes: number;
	readonly seed: number;
	readonly fps: number;
	readonly color: boolean;
	readonly json: boolean;
	readonly record: string | undefined;
};

export const cpuCount = (): number => os.availableParallelism();
