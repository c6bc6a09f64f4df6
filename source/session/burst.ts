import type {RunConfig} from '../config/config.js';
import type {BusEvent} from '../events/events.js';
import {burstCostOf, burstRoundsOf, type BurstCost} from '../calibration/burst-cost.js';
import {loopsOf} from '../metrics/model-divisors.js';
import {startRun, type Run} from './run.js';

/** A burst past this, plus eight times T, two per round and two request deadlines, is ended and counts as failed (the run's ramp falls back to C·c₀). */
const BURST_DEADLINE_MS = 10_000;

/** The first requests each loop of a run sends at once, on new connections: min(C, its share of n). */
export const burstConnectionsOf = (config: Pick<RunConfig, 'mode' | 'workers' | 'threads' | 'concurrency' | 'requests'>): number =>
	Math.min(config.concurrency, Math.ceil(config.requests / Math.max(1, loopsOf(config))));

type Shaped = Pick<RunConfig, 'mode' | 'workers' | 'threads' | 'concurrency' | 'requests'>;

/** The measured burst's shape: P loops, min(C, n/P) connections each, and the whole rounds of them a loop's share of n holds (at most BURST_MAX_ROUNDS). */
export function burstShapeOf(config: Shaped): {readonly loops: number; readonly connections: number; readonly rounds: number} {
	const loops = loopsOf(config);
	const connections = burstConnectionsOf(config);
	return {loops, connections, rounds: burstRoundsOf(Math.ceil(config.requests / Math.max(1, loops)), connections)};
}

/** The requests a burst sends: a warming round of P·min(C, n/P), then its measured rounds. */
export function burstRequestsOf(config: Shaped): number {
	const {loops, connections, rounds} = burstShapeOf(config);
	return loops * connections * (1 + rounds);
}

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

type Times = {firstStart: number; readonly ends: number[]; completed: number};

/** One pass of the burst: a fresh pool of the run's kind sends `requests` to `/pilot/…`, P·min(C, n/P) at once and the next as each ends; resolves to their times, or undefined if its pool failed. */
function pass(input: BurstInput, requests: number, onRun: (run: Run) => void): Promise<Times | undefined> {
	const {config} = input;
	const times: Times = {firstStart: Number.POSITIVE_INFINITY, ends: [], completed: 0};
	const onEvents = (events: readonly BusEvent[]): void => {
		for (const event of events) {
			if (event.type === 'task-start') {
				times.firstStart = Math.min(times.firstStart, event.t);
			} else if (event.type === 'task-end') {
				times.ends.push(event.t);
				times.completed += event.outcome === 'completed' ? 1 : 0;
			}
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
	onRun(run);
	return run.done.then(() => times, () => undefined);
}

type BurstInput = {readonly config: RunConfig; readonly baseUrl: string; readonly cores: number};

/**
 * A burst (docs/architecture.md, "The model"): a fresh pool of the run's
 * own kind and shape (its mode, P loops at min(C, n/P), the real lanes and
 * links) sends its first round of requests at once to the embedded server's
 * `/pilot/…`, which answers after the mean latency T and never fails, and
 * the next as each ends, for the whole rounds a loop's share of n holds (at
 * most BURST_MAX_ROUNDS). Its last round, past T, is δ; its wall time past
 * rounds·(T+δ) is B, the ramp of the run's first rounds on cold lanes
 * (burstCostOf). Fresh lanes run it twice: a warming round first, which
 * warms what the run finds warm (the server's accepting a burst of
 * connections, this process's pool and dispatcher), then the measured
 * rounds. It is not the run: no frame, no observer, nothing on screen but
 * what it is.
 */
export function startBurst(input: BurstInput): Burst {
	const {config} = input;
	const shape = burstShapeOf(config);
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
	}, BURST_DEADLINE_MS + (8 + 2 * shape.rounds) * config.latency + 2 * config.timeout);
	const done = (async (): Promise<BurstCost | undefined> => {
		const warm = await pass(input, shape.loops * shape.connections, track);
		const times = warm && !cancelled && !late ? await pass(input, shape.loops * shape.connections * shape.rounds, track) : undefined;
		return cancelled || late || !times ? undefined : burstCostOf(times, {...shape, latencyMs: config.latency});
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
