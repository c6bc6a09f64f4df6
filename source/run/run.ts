import {BATCH_MAX_DELAY_MS, createEventBus, type EventBus} from '../events/bus.js';
import type {RunConfig} from '../config/config.js';
import {factorValue, factsOf} from '../config/modes.js';
import {now, type BusEvent} from '../events/events.js';
import {createExecutor, type PoolExecutor} from '../executors/create-executor.js';
import {residentBytes} from '../executors/lane/lane-sampler.js';
import {startupCostOf} from './startup-cost.js';
import {initialMetrics, reduce, toSnapshot, type MetricsAction, type MetricsState} from '../metrics/reducer.js';
import {toResult} from '../metrics/result.js';
import {runInfoOf} from '../model/run-info.js';
import type {ProcessRss} from '../metrics/rss.js';
import type {RunInfo, RunResult, Snapshot, StartupCost} from '../metrics/snapshot.js';
import type {ClientCost} from '../model/client-cost.js';
import type {Calibration} from '../workloads/cpu.js';
import type {RunTap} from './tap.js';
import type {TaskTarget} from '../workloads/workload.js';
import {createSchedule, type Schedule} from '../schedule/schedule.js';

/**
 * Events are applied in time order this long after they happen: a batch is
 * at most BATCH_MAX_DELAY_MS late, plus the trip between threads or processes.
 */
export const METRICS_LAG_MS = BATCH_MAX_DELAY_MS * 3;
/** However long a run's kernels, its lanes are drawn at most this much later. */
const MAX_KERNEL_LAG_MS = 5000;

/**
 * A blocking lane cannot send its batch while its CPU kernel runs, nor while it waits for the
 * GIL (the other threads of its process run theirs first): with kernels longer than a batching
 * interval, its events come that much later, so they are applied that much later too (a late
 * state would be lost, and a 300 ms kernel drawn as idle).
 */
export function lagFor(config: Pick<RunConfig, 'mode' | 'work' | 'cpuMs' | 'gil' | 'workers' | 'threads' | 'concurrency'>): number {
	if (config.work === 'io') {
		return METRICS_LAG_MS;
	}

	const threads = factsOf(config.mode).threads;
	const sharing = config.gil && threads ? factorValue(threads, config) : 1;
	return METRICS_LAG_MS + Math.min(MAX_KERNEL_LAG_MS, config.cpuMs * sharing);
}

export type RunInput = {
	readonly id: number;
	readonly config: RunConfig;
	/** The embedded server's base URL, when the target is embedded. */
	readonly baseUrl: string | undefined;
	readonly calibration: Calibration | undefined;
	/** The client's CPU per request, calibrated before the run (the model's CPU term for I/O). */
	readonly clientCost?: ClientCost | undefined;
	/** Why there is no clientCost: its calibration ran past its deadline. */
	readonly clientCostMissing?: {readonly deadlineMs: number} | undefined;
	/** A worker of the other kind, as measured earlier in the session. */
	readonly otherStartup?: StartupCost | undefined;
	readonly cores: number;
	/** Machine per-core utilisation since the previous call (the session's sampler). */
	readonly sampleCpu: () => readonly number[];
	/** Also handed every batch of the run's bus, after the reducer (the tracer). */
	readonly onEvents?: (events: readonly BusEvent[]) => void;
	/** Handed the run's start and every action its reducer folds, in order (--save). */
	readonly tap?: RunTap | undefined;
};

/** One run of one mode: executor + bus + metrics. Snapshots are made on demand, once per frame. */
export type Run = {
	/** What runs (for observers such as the tracer). */
	readonly info: RunInfo;
	/** Feed the frame clock: per-core CPU since the last frame; returns the new snapshot. */
	frame(perCore: readonly number[]): Snapshot;
	pause(): void;
	resume(): void;
	readonly paused: boolean;
	cancel(): void;
	/** The result once every task has ended and every worker is gone; rejects if the pool could not start. */
	readonly done: Promise<RunResult>;
};

function targetOf(config: RunConfig, baseUrl: string | undefined): TaskTarget {
	if (config.target.kind === 'urls') {
		return {kind: 'granted'};
	}

	if (!baseUrl) {
		throw new Error('the embedded server is not running');
	}

	return {kind: 'generated', baseUrl};
}

/** This process's RSS: it runs the pool (and, in thread modes, the threads), so it is part of the client's memory. */
const mainRss = (): ProcessRss => ({pid: process.pid, rssBytes: residentBytes()});

/** The executor of the run's mode, with the run's settings, workload and bus (and schedule, with --rate). */
function executorFor(input: RunInput, bus: EventBus, schedule: Schedule | undefined): PoolExecutor {
	const {config} = input;
	return createExecutor({
		mode: config.mode,
		requests: config.requests,
		workers: config.workers,
		threads: config.threads,
		concurrency: config.concurrency,
		gil: config.gil,
		...(config.runtime === 'python' ? {runtime: 'python', python: config.python?.path ?? 'python3'} : {}),
		cpuMs: config.work === 'io' ? 0 : config.cpuMs,
		...(config.target.kind === 'urls' ? {urlsOf: config.target.source.urlsOf} : {}),
		workload: {
			work: config.work,
			target: targetOf(config, input.baseUrl),
			timeout: config.timeout,
			cpuUnits: input.calibration?.units ?? 0,
		},
		bus,
		...(schedule ? {schedule} : {}),
	});
}

/** Start the pool and measure what one worker cost to start and to hold. */
async function startPool(executor: PoolExecutor, config: RunConfig): Promise<{startupMs: number; cost: StartupCost}> {
	const rssBefore = residentBytes();
	const {startupMs} = await executor.start();
	const workers = executor.workers();
	const cost = startupCostOf({
		mode: config.mode,
		poolMs: startupMs,
		workers: workers.length,
		pids: [...new Set(workers.map(w => w.pid).filter(pid => pid > 0 && pid !== process.pid))],
		rssBefore,
		rssNow: residentBytes(),
	});
	return {startupMs, cost};
}

export function startRun(input: RunInput): Run {
	const {config} = input;
	const info: RunInfo = {
		...runInfoOf(input.id, config),
		...(input.clientCost ? {clientCost: input.clientCost} : {}),
		...(input.clientCostMissing ? {clientCostMissing: input.clientCostMissing} : {}),
		...(input.otherStartup ? {otherStartup: input.otherStartup} : {}),
	};
	const bus = createEventBus();
	const {tap} = input;
	const createdAt = now();
	const lagMs = lagFor(config);
	tap?.started({info, t: createdAt, cores: input.cores, lagMs, calibration: input.calibration, clientCost: input.clientCost});
	let state: MetricsState = initialMetrics(info, createdAt, input.cores, {lagMs});
	const apply = (action: MetricsAction): void => {
		tap?.action(info.id, action);
		state = reduce(state, action);
	};

	bus.subscribe((events) => {
		apply({type: 'events', events});
	});
	if (input.onEvents) {
		bus.subscribe(input.onEvents);
	}

	const schedule = config.rate === undefined ? undefined : createSchedule(config.requests, config.rate);
	const executor = executorFor(input, bus, schedule);
	let cancelled = false;
	let paused = false;

	const done = (async (): Promise<RunResult> => {
		let startupMs = 0;
		try {
			let cost: StartupCost;
			({startupMs, cost} = await startPool(executor, config));
			apply({type: 'startup', startupMs, t: now(), cost});
			if (cancelled) {
				executor.cancel();
			} else if (paused) {
				executor.pause();
			}

			if (schedule) {
				// The schedule starts as the first task is handed out; the metrics know it before any task starts.
				schedule.start(now());
				apply({type: 'schedule', table: schedule.table!});
			}

			await executor.run();
			apply({type: 'cpu', t: now(), perCore: input.sampleCpu(), last: true, main: mainRss()});
		} finally {
			await executor.close();
		}

		const t = now();
		apply({type: 'frame', t});
		apply({type: 'status', status: cancelled ? 'cancelled' : 'done', t});
		return toResult(toSnapshot(state, t), {startupMs, calibration: input.calibration, clientCost: input.clientCost});
	})();
	done.catch(() => {
		apply({type: 'status', status: 'failed', t: now()});
	});

	return {
		info,
		frame(perCore) {
			const t = now();
			apply({type: 'cpu', t, perCore, main: mainRss()});
			apply({type: 'frame', t});
			return toSnapshot(state, t);
		},
		pause() {
			paused = true;
			executor.pause();
			apply({type: 'status', status: 'paused', t: now()});
		},
		resume() {
			paused = false;
			executor.resume();
			apply({type: 'status', status: 'running', t: now()});
		},
		get paused() {
			return paused;
		},
		cancel() {
			if (cancelled) {
				return;
			}

			cancelled = true;
			executor.cancel();
			apply({type: 'status', status: 'cancelling', t: now()});
		},
		done,
	};
}
