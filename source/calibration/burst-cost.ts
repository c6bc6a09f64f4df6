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

/** Most rounds a burst runs: enough for a run of a few rounds (n=4,000 at C=1,000) to be past its cold start. */
export const BURST_MAX_ROUNDS = 4;

/** Rounds of min(C, n/P) requests a burst of a loop's share of n runs: whole rounds only, at least one, at most BURST_MAX_ROUNDS. */
export const burstRoundsOf = (share: number, connections: number): number =>
	Math.max(1, Math.min(BURST_MAX_ROUNDS, Math.floor(share / Math.max(1, connections))));

/** A burst's shape and what it took, ms. */
export type BurstCost = {
	/** Loops, the first requests each sent at once, and the rounds of them it ran. */
	readonly loops: number;
	readonly connections: number;
	readonly rounds: number;
	/** First request started → last request ended. */
	readonly wallMs: number;
	/** δ: the last round's length past T (absent for a burst of one round). */
	readonly waitMs?: number;
	/** B: the wall time past rounds·(T+δ), what the run's first rounds take beyond their waits. */
	readonly rampMs: number;
};

/** What a burst's events say: its first start, every end (epoch ms), and how many of its requests completed. */
export type BurstTimes = {readonly firstStart: number; readonly ends: readonly number[]; readonly completed: number};

type Shape = {readonly loops: number; readonly connections: number; readonly rounds: number; readonly latencyMs: number};

/** B for a burst given δ: its wall time past rounds·(T+δ), never negative. */
export const rampOfBurst = (burst: Pick<BurstCost, 'wallMs' | 'rounds'>, latencyMs: number, waitMs = 0): number =>
	Math.max(0, burst.wallMs - burst.rounds * (latencyMs + waitMs));

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
