/**
 * What a pool of event loops costs per request when every loop is kept busy,
 * read off a pilot (docs/architecture.md, "The model"): the run's P loops at
 * its C, on the real lanes and links, against the embedded server's
 * `/pilot/…` (the run's mean latency, no failures). Pure: it takes the
 * pilot's CPU readings, the times its requests ended and its loops' samples.
 */

import type {PoolCost} from '../model/client-cost.js';

export type {PoolCost} from '../model/client-cost.js';

/** CPU read at one moment of a pilot, ms: the lanes', the main thread's (with a process's helpers), the server's; t on the events' clock. */
export type CpuReading = {readonly t: number; readonly lane: number; readonly main: number; readonly server: number};

/** A reading's figure at time t, linear between the readings around it (the first or last outside them). */
export function readingAt(readings: readonly CpuReading[], t: number, key: 'lane' | 'main' | 'server'): number {
	const after = readings.findIndex((reading) => reading.t >= t);
	if (after <= 0) {
		return readings[after === 0 ? 0 : readings.length - 1]![key];
	}

	const a = readings[after - 1]!;
	const b = readings[after]!;
	return b.t === a.t ? b[key] : a[key] + ((b[key] - a[key]) * (t - a.t)) / (b.t - a.t);
}

/** Fewest requests a steady window needs for its figures to mean anything. */
export const MIN_WINDOW = 200;

/** A loop's event-loop utilisation over the 100 ms before t (its lane's sample). */
export type LoopSample = {readonly t: number; readonly elu: number};

/** A completed request of the pilot: when it ended, and its round trip, ms. */
export type PilotEnd = {readonly t: number; readonly latencyMs: number};

/**
 * Share of the steady part skipped before the window: fresh lanes and a
 * fresh server cost more for their first thousands of requests (their JIT,
 * their heaps, the connections just opened); past it a pilot's round trips
 * match a long run's mean within a few per cent.
 */
const WARM_SHARE = 0.6;

/** The mean utilisation of the samples taken within [from, to] (1 without one: a loop with no sample to tell is counted busy). */
function utilisation(samples: readonly LoopSample[], from: number, to: number): number {
	const inside = samples.filter((sample) => sample.t > from && sample.t <= to);
	return inside.length === 0 ? 1 : inside.reduce((sum, sample) => sum + Math.min(1, Math.max(0, sample.elu)), 0) / inside.length;
}

/**
 * The steady window of a pilot of `requests` that opened `opened`
 * connections, as indexes into its ends sorted: after the first `opened`
 * and WARM_SHARE of the steady part (requests − 2·opened), before the last
 * `opened`. Its length is `to − from`.
 */
export function windowOf(requests: number, opened: number): {from: number; to: number} {
	const steady = requests - 2 * opened;
	return {from: opened + Math.floor(steady * WARM_SHARE), to: requests - opened - 1};
}

/**
 * The pool's cost per request over its steady window: after the first P·C
 * requests (which open the connections) and WARM_SHARE of the rest, before
 * the last P·C (in flight as the tasks run out, they drain). `ends`: the
 * pilot's completed requests, sorted by end; `samples`: its loops'; T the
 * latency the server added to each. Undefined when the window is too short
 * or the readings do not cover it.
 */
export function poolCostOf(
	readings: readonly CpuReading[],
	ends: readonly PilotEnd[],
	samples: readonly LoopSample[],
	shape: {readonly loops: number; readonly connections: number; readonly latencyMs: number},
): PoolCost | undefined {
	const {from, to} = windowOf(ends.length, shape.loops * shape.connections);
	const requests = to - from;
	if (requests < MIN_WINDOW || readings.length < 2) {
		return undefined;
	}

	const [ta, tb] = [ends[from]!.t, ends[to]!.t];
	if (tb <= ta || ta < readings[0]!.t || tb > readings.at(-1)!.t) {
		return undefined;
	}

	let trips = 0;
	for (let i = from + 1; i <= to; i++) {
		trips += ends[i]!.latencyMs;
	}

	const per = (key: 'lane' | 'main' | 'server'): number => Math.max(0, readingAt(readings, tb, key) - readingAt(readings, ta, key)) / requests;
	return {
		requestMs: per('lane'),
		serverMs: per('server'),
		mainMs: per('main'),
		loopMs: ((tb - ta) / requests) * shape.loops * utilisation(samples, ta, tb),
		waitMs: Math.max(0, trips / requests - shape.latencyMs),
		loops: shape.loops,
		connections: shape.connections,
		requests,
	};
}
