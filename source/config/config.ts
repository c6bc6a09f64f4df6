import os from 'node:os';

export {MODES, type Mode} from './modes.js';
import type {Mode} from './modes.js';

export const WORKS = ['io', 'cpu', 'mixed'] as const;

/** Who runs the workload: Node's lanes, or the talk's own Python programs (python/concviz_runner). */
export const RUNTIMES = ['node', 'python'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** The interpreter of --runtime python: its path, and once checked its version and whether it has a GIL. */
export type PythonInterpreterConfig = {readonly path: string; readonly version?: string; readonly gil?: boolean};
export type Work = (typeof WORKS)[number];

/** Task ids → URLs of a --urls file (workloads/url-file.ts), read as tasks are handed out. */
export type UrlSource = {readonly count: number; urlsOf(tasks: readonly number[]): string[]};

/** Where tasks go: the embedded server (generated URLs) or a --urls file. */
export type Target =
	| {readonly kind: 'embedded'}
	| {readonly kind: 'urls'; readonly file: string; readonly source: UrlSource};

/** One run, fully resolved from the command line (see cli/options.ts); every other shape of a setting is a view of this one. */
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
	/** --runtime (absent: node). */
	readonly runtime?: Runtime;
	/** --runtime python: --python PATH, CONCVIZ_PYTHON or python3. */
	readonly python?: PythonInterpreterConfig;
};

/** Options of the embedded latency server: the run's server settings, and a port. */
export type ServerOptions = Pick<RunConfig, 'latency' | 'jitter' | 'failRate' | 'bodyBytes' | 'seed'> & {readonly port: number};

export const cpuCount = (): number => os.availableParallelism();
