/** What the model predicts of a run, as its snapshots carry it (docs/architecture.md, "The model"). */

/** One term of the model: its time, its symbols (`n·T/C + C·c₀`) and the run's numbers in them. */
export type ModelTerm = {
	readonly ms: number;
	readonly symbol: string;
	readonly numbers: string;
};

export type ModelSnapshot = {
	/** The larger of the two terms. */
	readonly predictedMs: number;
	/** The formula with the run's numbers, e.g. `n·T/P = 400·100ms/2 = 20.0s`. */
	readonly formula: string;
	/** What bounds the time: network latency, CPU cores, or the event loop's own CPU. */
	readonly bound: 'latency' | 'cpu' | 'loop' | 'rate';
	/** n·T over the requests in flight (null for CPU work, which sends none). */
	readonly latency: ModelTerm | null;
	/** CPU per task over the cores that can run it (null when the client's cost is unknown); `loop` when one event loop's own CPU. */
	readonly cpu: (ModelTerm & {readonly bound: 'cpu' | 'loop'}) | null;
	/** --rate runs whose schedule is longer than the other terms: (n−1)/R + T (absent otherwise). */
	readonly rate?: ModelTerm;
	/**
	 * A sentence when measurement departs from the model for a known reason (e.g. the loop is saturated):
	 * English, with `{name}` placeholders for `noteParams` (ui/ and the reporters translate it, then fill it in).
	 */
	readonly note: string;
	readonly noteParams?: Readonly<Record<string, string>>;
};
