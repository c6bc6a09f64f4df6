/**
 * What a loop pool's first rounds cost, read off a burst
 * (docs/architecture.md, "The model"): fresh lanes of the run's kind, P
 * loops, each sending its first min(C, n/P) requests at once on new
 * connections to the embedded server's `/pilot/…` (answered after the mean
 * latency T), and as each ends the next, for up to BURST_MAX_ROUNDS rounds.
 * A round lasts T and what it waited past T (δ, read off the last round:
 * its loop and the server busy with the round before); the first rounds
 * take longer still, B: what opening the connections took on cold lanes
 * (their JIT, their pools, the server accepting them all at once), and the
 * waits for the cores meanwhile. Pure.
 */

import {rampOfBurst, type BurstCost} from '../model/client-cost.js';

export {BURST_MAX_ROUNDS, burstRoundsOf, rampOfBurst, type BurstCost} from '../model/client-cost.js';

/** What a burst's events say: its first start, every end (epoch ms), and how many of its requests completed. */
export type BurstTimes = {readonly firstStart: number; readonly ends: readonly number[]; readonly completed: number};

type Shape = {readonly loops: number; readonly connections: number; readonly rounds: number; readonly latencyMs: number};

/** The burst's cost; undefined when some of its requests did not complete (the ramp of a burst cut short says nothing). */
export function burstCostOf(times: BurstTimes, shape: Shape): BurstCost | undefined {
	const perRound = shape.loops * shape.connections;
	const requests = perRound * shape.rounds;
	const ends = [...times.ends].sort((a, b) => a - b);
	if (requests === 0 || times.completed < requests || ends.length < requests || !(ends[requests - 1]! >= times.firstStart)) {
		return undefined;
	}

	const wallMs = ends[requests - 1]! - times.firstStart;
	const base = {loops: shape.loops, connections: shape.connections, rounds: shape.rounds, wallMs};
	if (shape.rounds < 2) {
		return {...base, rampMs: rampOfBurst(base, shape.latencyMs)};
	}

	// The last round ends with its last request; the round before it, with the round's share of ends.
	const waitMs = Math.max(0, ends[requests - 1]! - ends[requests - perRound - 1]! - shape.latencyMs);
	return {...base, waitMs, rampMs: rampOfBurst(base, shape.latencyMs, waitMs)};
}
