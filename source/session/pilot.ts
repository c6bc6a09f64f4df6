import type {RunConfig} from '../config/config.js';
import {now, type BusEvent} from '../events/events.js';
import {poolCostOf, windowOf, type CpuReading, type LoopSample, type PilotEnd, type PoolCost} from '../calibration/pool-cost.js';
import {partsCpuMs} from '../calibration/thread-cpu.js';
import {withoutBurstWait, type ClientCost} from '../calibration/client-cost.js';
import {predict} from '../metrics/model.js';
import {loopsOf} from '../metrics/model-divisors.js';
import {runInfoOf} from '../metrics/run-info.js';
import {startRun} from './run.js';

/** Most requests a pilot sends past the first P·C (docs/architecture.md, "The model"). */
export const PILOT_REQUESTS = 14_000;
/** Fewest: below this its window is too short to tell. */
const PILOT_MIN_REQUESTS = 1000;
/**
 * Rounds of P·C requests a pilot sends at least: the ramp sends the first
 * P·C almost together, and their answers come back in waves that take
 * several rounds to spread out.
 */
const PILOT_ROUNDS = 7;
/** Or, where the latency sets their pace, as many as P·C requests in flight at T end in this long, ms. */
const PILOT_PACED_MS = 500;
/** A run gets a pilot only when it is at least this many times the pilot's length (its requests end at once, the run's wait T: the pilot takes a small part of the run's time). */
const RUN_TO_PILOT = 2;
/** Near the knee: the lane calibration's CPU term is at least this share of the latency term (below it, requests hardly wait for the cores; the calibration swings by a fifth or more, so the line is drawn low). */
const KNEE_SHARE = 0.3;
/** Fewest requests in a pilot's steady window (or a quarter of the most it sends, if less): a pool so wide (P·C past ~11,000) that the most a pilot sends leaves fewer gets none. */
const MIN_PILOT_WINDOW = 1000;
/** How often the pilot reads the CPU of its parts, ms. */
const READ_EVERY_MS = 20;
/** A pilot past this, plus four times its own length at T and one request deadline, is ended and counts as failed (its shape runs on the lane calibration). */
const PILOT_DEADLINE_MS = 10_000;

/** How long a pilot of `requests` may take: a stopped server or lane must not hold the run it prepares up for ever. */
const pilotDeadlineOf = (config: RunConfig, requests: number): number =>
	PILOT_DEADLINE_MS + (4 * requests * config.latency) / Math.max(1, loopsOf(config) * config.concurrency) + config.timeout;

/**
 * The pilot's request count for a run of this shape: its loops' first P·C
 * requests, then PILOT_ROUNDS times as many, or what P·C requests in flight
 * at T end in PILOT_PACED_MS if more (between PILOT_MIN_REQUESTS and `most`).
 */
export function pilotRequestsOf(config: RunConfig, most = PILOT_REQUESTS): number {
	const opened = loopsOf(config) * config.concurrency;
	const paced = config.latency > 0 ? Math.round((opened * PILOT_PACED_MS) / config.latency) : most;
	return opened + Math.min(most, Math.max(PILOT_MIN_REQUESTS, PILOT_ROUNDS * opened, paced));
}

/**
 * Whether a run gets a pilot: I/O of a loop mode against the embedded
 * server, on the closed model, long enough for the pilot to be a small part
 * of it, a pool narrow enough for the pilot's steady window to hold
 * MIN_PILOT_WINDOW requests, and near the knee, where the lane calibration's CPU term comes
 * to KNEE_SHARE of the latency term: there requests wait for busy cores,
 * which only a run of the pool's own shape can tell.
 */
export function wantsPilot(config: RunConfig, cost: ClientCost, cores: number, most = PILOT_REQUESTS): boolean {
	if (config.work !== 'io' || config.target.kind !== 'embedded' || config.rate !== undefined || loopsOf(config) === 0) {
		return false;
	}

	const requests = pilotRequestsOf(config, most);
	const {from, to} = windowOf(requests, loopsOf(config) * config.concurrency);
	if (config.requests < RUN_TO_PILOT * requests || to - from < Math.min(MIN_PILOT_WINDOW, most / 4)) {
		return false;
	}

	// The knee is the lane calibration's: with the burst's ramp, but not its δ (which the pilot measures in its steady window).
	const model = predict({...runInfoOf(0, config), clientCost: withoutBurstWait(cost), requests: config.requests, cores});
	return model.cpu !== null && model.latency !== null && model.cpu.ms >= KNEE_SHARE * model.latency.ms;
}

export type PilotInput = {
	readonly config: RunConfig;
	readonly baseUrl: string;
	readonly serverPid: number;
	readonly cores: number;
	/** Most requests past the first P·C (PILOT_REQUESTS). */
	readonly most?: number;
};

export type Pilot = {
	/** The pool's cost per request; undefined when cancelled, when a request failed, or where the CPU can't be read. */
	readonly done: Promise<PoolCost | undefined>;
	/** Whether cancel() was called: a cancelled pilot may be tried again, a failed one would fail again. */
	readonly cancelled: boolean;
	cancel(): void;
};

/** A reading's figures never go down: a thread or process that ends takes its CPU out of /proc's sums. */
const monotonic = (previous: CpuReading | undefined, next: CpuReading): CpuReading =>
	previous ? {t: next.t, lane: Math.max(previous.lane, next.lane), main: Math.max(previous.main, next.main), server: Math.max(previous.server, next.server)} : next;

/**
 * A pilot: the run's own pool (its mode, P loops at its C, the real lanes
 * and links, the reducer folding every event) sends requests that the
 * embedded server answers after the run's mean latency T, never failing,
 * while the CPU of the lanes (the processes its worker-up events name, or
 * this process's threads), of this process and of the server is read every
 * 20 ms, and as a batch arrives 10 ms or more after the last reading. Its
 * steady window gives what a request costs each part, and a loop's busy
 * time per request, with every loop running at once (poolCostOf): the costs
 * of the run's own regime (at T its loops batch answers as the run's do; at
 * T=0 they cost a different amount). It is not the run: no frame, no
 * observer, nothing on screen.
 */
export function startPilot(input: PilotInput): Pilot {
	const {config} = input;
	const requests = pilotRequestsOf(config, input.most);
	const ends: PilotEnd[] = [];
	const readings: CpuReading[] = [];
	const lanes = new Set<number>();
	const read = (): void => {
		const parts = partsCpuMs(input.serverPid, [...lanes]);
		if (parts) {
			readings.push(monotonic(readings.at(-1), {t: now(), ...parts}));
		}
	};

	const samples: LoopSample[] = [];
	let failed = false;
	const onEvents = (events: readonly BusEvent[]): void => {
		for (const event of events) {
			if (event.type === 'sample') {
				samples.push({t: event.t, elu: event.elu});
			} else if (event.type === 'task-end') {
				failed ||= event.outcome !== 'completed';
				ends.push({t: event.t, latencyMs: event.latencyMs});
			} else if (event.type === 'tasks-end') {
				failed = true;
			} else if (event.type === 'worker-up' && event.pid !== process.pid) {
				lanes.add(event.pid);
			}
		}

		// Also as a batch arrives (it comes after the ends it carries), so that readings cover the last of them.
		if (now() - (readings.at(-1)?.t ?? 0) >= READ_EVERY_MS / 2) {
			read();
		}
	};

	const run = startRun({
		id: 0,
		config: {...config, requests, rate: undefined, record: undefined},
		// `/pilot/…`: answered after the mean latency, never failed, nothing drawn (the server's PILOT_PREFIX).
		baseUrl: `${input.baseUrl}/pilot`,
		calibration: undefined,
		cores: input.cores,
		sampleCpu: () => [],
		onEvents,
	});

	const timer = setInterval(read, READ_EVERY_MS);
	// Past its deadline the pilot is ended: its tasks end cancelled, so it failed (not `cancelled`: it would be as slow again).
	const deadline = setTimeout(() => {
		run.cancel();
	}, pilotDeadlineOf(config, requests));
	let cancelled = false;
	const done = run.done.finally(() => {
		clearTimeout(deadline);
	}).then(
		() => {
			clearInterval(timer);
			ends.sort((a, b) => a.t - b.t);
			return failed ? undefined : poolCostOf(readings, ends, samples, {loops: loopsOf(config), connections: config.concurrency, latencyMs: config.latency});
		},
		() => {
			clearInterval(timer);
			return undefined;
		},
	);
	return {
		done,
		get cancelled() {
			return cancelled;
		},
		cancel() {
			cancelled = true;
			run.cancel();
		},
	};
}
