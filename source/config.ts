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
};

export const cpuCount = (): number => os.availableParallelism();

/** Number of workers (threads or event loops) a mode runs with. */
export function parallelismOf(config: Pick<RunConfig, 'mode' | 'workers' | 'threads' | 'concurrency' | 'requests'>): number {
	switch (config.mode) {
		case 'sequential': {
			return 1;
		}

		case 'processes':
		case 'threads': {
			return config.workers;
		}

		case 'processes-threads': {
			return config.workers * config.threads;
		}

		case 'async': {
			return Math.min(config.concurrency, config.requests);
		}

		case 'processes-async': {
			return Math.min(config.workers * config.concurrency, config.requests);
		}
	}
}

/** Lanes (OS threads running tasks) a mode starts: one per blocking worker, one per event loop. */
export function laneCountOf(config: Pick<RunConfig, 'mode' | 'workers' | 'threads'>): number {
	switch (config.mode) {
		case 'sequential':
		case 'async': {
			return 1;
		}

		case 'processes':
		case 'threads':
		case 'processes-async': {
			return config.workers;
		}

		case 'processes-threads': {
			return config.workers * config.threads;
		}
	}
}
