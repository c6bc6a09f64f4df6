import os from 'node:os';
import type {RunConfig} from '../config/config.js';
import {UsageError} from '../config/errors.js';
import {factsOf, isThreaded} from '../config/modes.js';
import {createEventBus} from '../events/bus.js';
import {createExecutor} from '../executors/create-executor.js';
import {residentBytes} from '../executors/lane/lane-sampler.js';
import {formatBytes, formatCount} from '../i18n/format.js';
import type {StartupCost} from '../metrics/snapshot.js';
import {startupCostOf, workerKindOf} from '../run/startup-cost.js';

/**
 * Worker threads one process runs well at most: past this Node's main thread
 * spends its time on the threads themselves (measured on this project's
 * 2-core machine: 128 threads start in 5 s, 192 in 8 s, and 256 had not
 * ended a 512-request run after 10 minutes, the main thread at 100 % in
 * native code); processes-threads spreads more over processes.
 */
export const MAX_THREADS_PER_PROCESS = 128;
/** Pools past this many workers are measured (one worker started and ended) before they start, unless one was measured already. */
const MEASURE_FROM_WORKERS = 16;
/** The share of the available memory a pool may take. */
const MEMORY_SHARE = 0.8;

/** Workers the pool starts: threads of this process, or processes (each holding its threads). */
const poolWorkersOf = (config: Pick<RunConfig, 'mode' | 'workers'>): number =>
	factsOf(config.mode).pool === 'processes' || isThreaded(factsOf(config.mode)) ? config.workers : 1;

/** Threads in the busiest process of the pool. */
const threadsPerProcessOf = (config: Pick<RunConfig, 'mode' | 'workers' | 'threads'>): number => {
	const facts = factsOf(config.mode);
	return isThreaded(facts) ? (facts.pool === 'processes' ? config.threads : config.workers) : 1;
};

/** Why the pool cannot be held in one line (what fits), or undefined: too many threads in one process. */
export function threadsWhy(config: Pick<RunConfig, 'mode' | 'workers' | 'threads'>): string | undefined {
	const threads = threadsPerProcessOf(config);
	if (threads <= MAX_THREADS_PER_PROCESS) {
		return undefined;
	}

	const flag = factsOf(config.mode).pool === 'processes' ? '--threads' : '-p';
	return `${flag} ${formatCount(threads)}: one process runs at most ${MAX_THREADS_PER_PROCESS} worker threads well (past that its main thread spends its time on them); use processes-threads (-m processes-threads) to spread them over processes`;
}

/** Why `workers` workers of `cost` do not fit in `availableBytes` (saying how many do), or undefined. */
export function memoryWhy(workers: number, cost: Pick<StartupCost, 'kind' | 'perWorkerBytes'>, availableBytes: number): string | undefined {
	const each = cost.perWorkerBytes;
	if (each === null || each <= 0 || workers * each <= MEMORY_SHARE * availableBytes) {
		return undefined;
	}

	const fit = Math.max(1, Math.floor((MEMORY_SHARE * availableBytes) / each));
	const what = cost.kind === 'thread' ? 'threads' : 'processes';
	return `${formatCount(workers)} ${what} need about ${formatBytes(workers * each)} (${formatBytes(each)} each, measured); ${formatBytes(availableBytes)} is available: at most ${formatCount(fit)} fit`;
}

/** Start one worker of the run's kind (a lane process with its threads, or a thread), measure what it holds, end it. */
async function measureWorker(config: RunConfig): Promise<StartupCost> {
	const rssBefore = residentBytes();
	const executor = createExecutor({
		mode: config.mode,
		requests: 0,
		workers: 1,
		threads: config.threads,
		concurrency: config.concurrency,
		gil: false,
		// Never run: the pool starts (its workload loaded), is measured and ends.
		workload: {work: config.work, target: {kind: 'granted'}, timeout: config.timeout, cpuUnits: 0},
		bus: createEventBus(),
	});
	try {
		const {startupMs} = await executor.start();
		const pids = executor.workers().map(worker => worker.pid).filter(pid => pid > 0 && pid !== process.pid);
		return startupCostOf({mode: config.mode, poolMs: startupMs, workers: 1, pids: [...new Set(pids)], rssBefore, rssNow: residentBytes()});
	} finally {
		await executor.close();
	}
}

/**
 * Refuse, in one line, a pool this machine cannot hold (docs/architecture.md,
 * "When the system says no"): too many threads in one process, or more
 * memory than is available at the measured cost of a worker (`known`, from an
 * earlier run of this session, or one started now).
 */
export async function assertPoolFits(config: RunConfig, known: StartupCost | undefined, availableBytes = os.freemem()): Promise<StartupCost | undefined> {
	const threads = threadsWhy(config);
	if (threads) {
		throw new UsageError(threads);
	}

	const workers = poolWorkersOf(config);
	if (workers <= MEASURE_FROM_WORKERS) {
		return undefined;
	}

	const cost = known ?? await measureWorker(config);
	const why = memoryWhy(workers, cost, availableBytes);
	if (why) {
		throw new UsageError(why);
	}

	return cost;
}

export {workerKindOf};
