import {readFileSync} from 'node:fs';
import type {Mode} from '../config/config.js';
import {factsOf} from '../config/modes.js';
import type {StartupCost} from '../metrics/snapshot.js';


/** Resident memory of process `pid`, bytes, from /proc (Linux); undefined elsewhere. */
function rssOf(pid: number): number | undefined {
	try {
		const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kb === undefined ? undefined : Number(kb) * 1024;
	} catch {
		return undefined;
	}
}

/** Whether a mode's workers are threads of this process or child processes. */
export const workerKindOf = (mode: Mode): StartupCost['kind'] => (factsOf(mode).pool === 'processes' ? 'process' : 'thread');

export type StartupInput = {
	readonly mode: Mode;
	/** Wall time from the first spawn to the last worker up, ms. */
	readonly poolMs: number;
	/** Lanes in the pool (in processes-threads, P×Th of them). */
	readonly workers: number;
	/** Pids of the pool's child processes (process modes). */
	readonly pids: readonly number[];
	/** This process's RSS before the pool started, and now. */
	readonly rssBefore: number;
	readonly rssNow: number;
};

/**
 * What one worker cost to start and costs to hold, measured as the pool came
 * up: its share of the pool's start-up (all start at once, so it is the wall
 * time per worker on this machine), and the resident memory it adds: a
 * thread, the growth of this process over its threads; a process, the RSS of
 * the child processes over them (null where /proc is not there, and for
 * threads of another process: --runtime python's). In process
 * modes the worker is the process, threads and all, so `workers` counts processes.
 */
export function startupCostOf(input: StartupInput): StartupCost {
	const kind = workerKindOf(input.mode);
	const workers = Math.max(1, kind === 'process' && input.pids.length > 0 ? input.pids.length : input.workers);
	let bytes: number | null;
	if (kind === 'thread' && input.pids.length > 0) {
		// Threads of another process (--runtime python): this process's growth says nothing of them, and theirs is not told apart from the interpreter's.
		bytes = null;
	} else if (kind === 'thread') {
		bytes = Math.max(0, input.rssNow - input.rssBefore) / workers;
	} else {
		const rss = input.pids.map(pid => rssOf(pid));
		bytes = rss.length > 0 && rss.every(value => value !== undefined) ? rss.reduce((a, b) => a! + b!, 0)! / workers : null;
	}

	return {kind, workers, perWorkerMs: input.poolMs / workers, perWorkerBytes: bytes === null ? null : Math.round(bytes)};
}
