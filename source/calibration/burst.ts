import type {RunConfig} from '../config/config.js';
import type {BusEvent} from '../events/events.js';
import {burstCostOf, type BurstCost, type BurstTimes} from './burst-cost.js';
import {loopsOf} from '../model/divisors.js';
import {startRun, type Run} from '../run/run.js';

/** A burst past this, plus eight times T and two request deadlines, is ended and counts as failed (the run's ramp falls back to C·c₀). */
const BURST_DEADLINE_MS = 10_000;

/** The first requests each loop of a run sends at once, on new connections: min(C, its share of n). */
export const burstConnectionsOf = (config: Pick<RunConfig, 'mode' | 'workers' | 'threads' | 'concurrency' | 'requests'>): number =>
	Math.min(config.concurrency, Math.ceil(config.requests / Math.max(1, loopsOf(config))));

/** A round of the burst's request count: P·min(C, n/P). */
export const burstRequestsOf = (config: Pick<RunConfig, 'mode' | 'workers' | 'threads' | 'concurrency' | 'requests'>): number =>
	loopsOf(config) * burstConnectionsOf(config);

/** Rounds a burst runs, each on fresh lanes; the last is measured. */
export const BURST_ROUNDS = 2;

/** Whether a run gets a burst first: I/O of a loop mode against the embedded server, on the closed model (a --rate schedule opens its connections at its own pace). */
export const wantsBurst = (config: RunConfig): boolean =>
	config.work === 'io' && config.target.kind === 'embedded' && config.rate === undefined && loopsOf(config) > 0;

export type Burst = {
	/** The ramp; undefined when cancelled, when a request failed, or past its deadline. */
	readonly done: Promise<BurstCost | undefined>;
	/** Whether cancel() was called: a cancelled burst may be tried again, a failed one would fail again. */
	readonly cancelled: boolean;
	cancel(): void;
};

/** One round of the burst: a fresh pool of the run's kind sends its first P·min(C, n/P) requests to `/pilot/…`; resolves to their times, or undefined if its pool failed. */
function round(input: BurstInput, onRun: (run: Run) => void): Promise<BurstTimes | undefined> {
	const {config} = input;
	const times = {firstStart: Number.POSITIVE_INFINITY, lastEnd: Number.NEGATIVE_INFINITY, completed: 0};
	const onEvents = (events: readonly BusEvent[]): void => {
		for (const event of events) {
			if (event.type === 'task-start') {
				times.firstStart = Math.min(times.firstStart, event.t);
			} else if (event.type === 'task-end') {
				times.lastEnd = Math.max(times.lastEnd, event.t);
				times.completed += event.outcome === 'completed' ? 1 : 0;
			}
		}
	};

	const run = startRun({
		id: 0,
		config: {...config, requests: burstRequestsOf(config), rate: undefined, record: undefined},
		// `/pilot/…`: answered after the mean latency, never failed, nothing drawn (the server's PILOT_PREFIX).
		baseUrl: `${input.baseUrl}/pilot`,
		calibration: undefined,
		cores: input.cores,
		sampleCpu: () => [],
		onEvents,
	});
	onRun(run);
	return run.done.then(() => times, () => undefined);
}

type BurstInput = {readonly config: RunConfig; readonly baseUrl: string; readonly cores: number};

/**
 * A burst (docs/architecture.md, "The model"): a fresh pool of the run's
 * own kind and shape (its mode, P loops at min(C, n/P), the real lanes and
 * links) sends its first round of requests at once to the embedded server's
 * `/pilot/…`, which answers after the mean latency T and never fails. The
 * time from its first start to its last end, past T, is the ramp of the
 * run's first round on cold lanes (burstCostOf). It runs twice, on fresh
 * lanes each time, and the second is measured: the first warms what the run
 * finds warm (the server's accepting a burst of connections, this process's
 * pool and dispatcher), which would make a single burst slower than the
 * run's first round. It is not the run: no frame, no observer, nothing on
 * screen but what it is.
 */
export function startBurst(input: BurstInput): Burst {
	const {config} = input;
	let current: Run | undefined;
	let cancelled = false;
	const track = (run: Run): void => {
		current = run;
		if (cancelled) {
			run.cancel();
		}
	};

	let late = false;
	const deadline = setTimeout(() => {
		late = true;
		current?.cancel();
	}, BURST_DEADLINE_MS + 8 * config.latency + 2 * config.timeout);
	const done = (async (): Promise<BurstCost | undefined> => {
		let times: BurstTimes | undefined;
		for (let i = 0; i < BURST_ROUNDS && (i === 0 || (times && !cancelled && !late)); i++) {
			times = await round(input, track);
		}

		return cancelled || late || !times ? undefined : burstCostOf(times, {loops: loopsOf(config), connections: burstConnectionsOf(config), latencyMs: config.latency});
	})().finally(() => {
		clearTimeout(deadline);
	});
	return {
		done,
		get cancelled() {
			return cancelled;
		},
		cancel() {
			cancelled = true;
			current?.cancel();
		},
	};
}
