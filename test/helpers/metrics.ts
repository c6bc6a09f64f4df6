import type {BusEvent} from '../../source/events/events.js';
import {initialMetrics, reduce, type MetricsAction, type MetricsState} from '../../source/metrics/reducer.js';
import type {RunInfo} from '../../source/metrics/snapshot.js';

/** A start time far from 0, like the epoch ms events carry. */
export const T0 = 1_000_000;

export const runInfo = (overrides: Partial<RunInfo> = {}): RunInfo => ({
	id: 1,
	mode: 'processes',
	work: 'io',
	requested: 400,
	target: 'T=100ms',
	latencyMs: 100,
	workers: 2,
	threads: 4,
	concurrency: 1000,
	cpuMs: 10,
	gil: false,
	...overrides,
});

/** A run that has started (run-start at T0) and whose pool is up (startup at T0 + 50, 50 ms). */
export function started(run: Partial<RunInfo> = {}, cores = 2): MetricsState {
	const state = initialMetrics(runInfo(run), T0, cores);
	return reduce(state, {type: 'startup', startupMs: 50, t: T0 + 50});
}

/** Apply actions in order; a plain array of events is one 'events' batch. */
export function apply(state: MetricsState, ...steps: ReadonlyArray<MetricsAction | readonly BusEvent[]>): MetricsState {
	let s = state;
	for (const step of steps) {
		s = reduce(s, Array.isArray(step) ? {type: 'events', events: step as readonly BusEvent[]} : (step as MetricsAction));
	}

	return s;
}

export const frame = (t: number): MetricsAction => ({type: 'frame', t});
