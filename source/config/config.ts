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

/** Where tasks go: the embedded server (generated URLs) or a list read from --urls. */
export type Target =
	| {readonly kind: 'embedded'}
	| {readonly kind: 'urls'; readonly file: string; readonly urls: readonly string[]};

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
	/** --rate R: an open model, R requests/s in total on a fixed schedule; absent: the closed model. */
	readonly rate?: number;
};

export const cpuCount = (): number => os.availableParallelism();
