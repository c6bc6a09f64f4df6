import {basename} from 'node:path';
import type {RunConfig} from '../config/config.js';
import type {RunInfo} from './snapshot.js';

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
