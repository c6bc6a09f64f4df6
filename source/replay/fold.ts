import {initialMetrics, reduce, toSnapshot, type MetricsAction, type MetricsState} from '../metrics/reducer.js';
import {createLatency, type LatencyRecorder} from '../metrics/latency.js';
import {toResult} from '../metrics/result.js';
import type {RunResult} from '../metrics/snapshot.js';
import type {RunStart} from '../session/observer.js';

/**
 * A saved run folded again: the same reducer (metrics/reducer.ts) fed the
 * same actions from the file, so every snapshot and the result are the ones
 * the live run made. The result is taken where the live run took it: at its
 * terminal status (done or cancelled), with the start-up its pool reported.
 */
export type RunFold = {
	readonly start: RunStart;
	state: MetricsState;
	startupMs: number;
	result: RunResult | null;
	/** Time of the last action folded. */
	lastT: number;
};

export function startFold(start: RunStart): RunFold {
	return {start, state: initialMetrics(start.info, start.t, start.cores, {lagMs: start.lagMs}), startupMs: 0, result: null, lastT: start.t};
}

const timeOf = (action: MetricsAction): number | undefined => {
	switch (action.type) {
		case 'events': return action.events.at(-1)?.t;
		case 'schedule': return undefined;
		default: return action.t;
	}
};

/** Folds one action into the run (mutates the fold, as its state owns a histogram). */
export function step(fold: RunFold, action: MetricsAction): void {
	fold.state = reduce(fold.state, action);
	const t = timeOf(action);
	if (t !== undefined && t > fold.lastT) {
		fold.lastT = t;
	}

	if (action.type === 'startup') {
		fold.startupMs = action.startupMs;
	} else if (action.type === 'status' && fold.result === null && (action.status === 'done' || action.status === 'cancelled')) {
		const {calibration, clientCost} = fold.start;
		fold.result = toResult(toSnapshot(fold.state, action.t), {
			startupMs: fold.startupMs,
			...(calibration === undefined ? {} : {calibration}),
			...(clientCost === undefined ? {} : {clientCost}),
		});
	}
}

const cloneRecorder = (recorder: LatencyRecorder): LatencyRecorder => {
	const fresh = createLatency();
	fresh.histogram.add(recorder.histogram);
	return {...fresh, sumUs: recorder.sumUs, cached: recorder.cached};
};

/** A copy that folding on leaves alone: the state's own histograms copied (the rest of it is never changed in place). */
export function cloneFold(fold: RunFold): RunFold {
	const {state} = fold;
	const rate = state.rate ? {...state.rate, service: cloneRecorder(state.rate.service)} : null;
	return {...fold, state: {...state, latency: cloneRecorder(state.latency), rate}};
}
