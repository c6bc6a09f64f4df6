/**
 * What a loop pool's first connections cost, read off a burst
 * (docs/architecture.md, "The model"): fresh lanes of the run's kind, P
 * loops, each sending its first min(C, n/P) requests at once on new
 * connections to the embedded server's `/pilot/…` (answered after the mean
 * latency T). Its wall time past T is the ramp: what opening the
 * connections took on cold lanes (their JIT, their pools, the server
 * accepting them all at once), and the waits for the cores meanwhile. Pure.
 */

import type {BurstCost} from '../model/client-cost.js';

export type {BurstCost} from '../model/client-cost.js';

/** What a burst's events say: its first start, its last end (epoch ms), and how many of its requests completed. */
export type BurstTimes = {readonly firstStart: number; readonly lastEnd: number; readonly completed: number};

/** The burst's cost; undefined when some of its requests did not complete (the ramp of a burst cut short says nothing). */
export function burstCostOf(
	times: BurstTimes,
	shape: {readonly loops: number; readonly connections: number; readonly latencyMs: number},
): BurstCost | undefined {
	const requests = shape.loops * shape.connections;
	if (requests === 0 || times.completed < requests || !(times.lastEnd >= times.firstStart)) {
		return undefined;
	}

	const wallMs = times.lastEnd - times.firstStart;
	return {loops: shape.loops, connections: shape.connections, wallMs, rampMs: Math.max(0, wallMs - shape.latencyMs)};
}
