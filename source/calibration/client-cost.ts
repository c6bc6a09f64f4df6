import type {BurstCost} from './burst-cost.js';
import type {PoolCost} from './pool-cost.js';

/** What one request costs the client (and the embedded server) in CPU, measured before a run. */
export type ClientCost = {
	/** CPU of one request on an open connection, in the lane's thread and the V8 helper threads that collect its garbage, ms. */
	readonly requestMs: number;
	/** CPU of a first request, which also opens its connection, ms. */
	readonly connectMs: number;
	/** The embedded server's CPU per request, ms (0 when it could not be read). */
	readonly serverMs: number;
	/** The main thread's CPU per request to decode and fold the lane's events, ms. */
	readonly mainMs: number;
	/** Wall time per request of a loop kept busy, ms: its CPU and the pauses it waits through (garbage collection, the scheduler). */
	readonly loopMs: number;
	/** Connections opened at once, and requests on open connections, that the lane calibration's figures come from. */
	readonly connections: number;
	readonly requests: number;
	/** δ, from a pilot: what a request's round trip took past T at the run's load, ms (the latency term's T+δ). */
	readonly waitMs?: number;
	/** Where c, s, m, ℓ and δ come from a pilot of the run's own pool: its loops, connections per loop, and the requests of its steady window. */
	readonly pilot?: {readonly loops: number; readonly connections: number; readonly requests: number};
	/** B, from a burst of the run's first round on fresh lanes of its kind: what it took past T (the ramp of the latency and loop terms, in place of C·c₀). */
	readonly burst?: BurstCost;
};

/** The lane calibration's figures with the ramp a burst of the run's own pool measured. */
export const withBurst = (cost: ClientCost, burst: BurstCost): ClientCost => ({...cost, burst});

/** The figures with the burst's B but not its δ: what the knee (a pilot or not) is judged on. */
export function withoutBurstWait(cost: ClientCost): ClientCost {
	if (cost.burst?.waitMs === undefined) {
		return cost;
	}

	const {waitMs: _wait, ...burst} = cost.burst;
	return {...cost, burst};
}

/**
 * The lane calibration's figures with c, s, m, ℓ and δ from a pilot of the
 * run's own pool (its P loops at its C and T). c₀ stays the lane
 * calibration's first request, and is never below c.
 */
export const withPool = (cost: ClientCost, pool: PoolCost): ClientCost => ({
	...cost,
	requestMs: pool.requestMs,
	serverMs: pool.serverMs,
	mainMs: pool.mainMs,
	loopMs: pool.loopMs,
	waitMs: pool.waitMs,
	connectMs: Math.max(cost.connectMs, pool.requestMs),
	pilot: {loops: pool.loops, connections: pool.connections, requests: pool.requests},
});
