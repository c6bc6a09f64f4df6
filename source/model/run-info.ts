import {basename} from 'node:path';
import type {RunConfig} from '../config/config.js';
import type {ClientCost} from './client-cost.js';

export type RunInfo = Pick<RunConfig, 'mode' | 'work' | 'workers' | 'threads' | 'concurrency' | 'cpuMs' | 'gil'> & {
	readonly id: number;
	/** n, the config's `requests`. */
	readonly requested: number;
	/** `T=100ms` or the --urls file name. */
	readonly target: string;
	/** T, ms; NaN for a --urls file. */
	readonly latencyMs: number;
	/** The client's CPU per request, calibrated before the run (io and mixed work on the embedded server). */
	readonly clientCost?: ClientCost;
	/** Why there is no clientCost: its calibration did not finish within its deadline (a stopped server). */
	readonly clientCostMissing?: {readonly deadlineMs: number};
	/** What a worker of the other kind (process or thread) was measured to cost earlier in this session, for the lesson. */
	readonly otherStartup?: StartupCost;
	/** --runtime python (absent: node); its GIL: the real one, or off on a free-threaded interpreter. */
	readonly runtime?: 'node' | 'python';
	readonly pythonGil?: 'real' | 'off';
};

/** What one worker cost to start and costs to hold, measured as the pool came up. */
export type StartupCost = {
	/** Worker threads of this process, or child processes. */
	readonly kind: 'thread' | 'process';
	readonly workers: number;
	/** The pool's start-up over its workers (they start at once), ms. */
	readonly perWorkerMs: number;
	/** Resident memory one worker adds, bytes (null where it can't be read). */
	readonly perWorkerBytes: number | null;
};

/** What a run is, as its snapshots (and the header before the first one) show it. */
export function runInfoOf(id: number, config: RunConfig): RunInfo {
	return {
		id,
		mode: config.mode,
		work: config.work,
		requested: config.requests,
		target: config.target.kind === 'urls' ? basename(config.target.file) : `T=${config.latency}ms`,
		latencyMs: config.target.kind === 'urls' ? Number.NaN : config.latency,
		workers: config.workers,
		threads: config.threads,
		concurrency: config.concurrency,
		cpuMs: config.cpuMs,
		// Python's real GIL lets one thread of a process compute at a time, as --gil does in Node (the model's CPU term).
		gil: config.gil || (config.runtime === 'python' && config.python?.gil !== false),
		...(config.runtime === 'python' ? {runtime: 'python', pythonGil: config.python?.gil === false ? 'off' : 'real'} : {}),
	};
}
