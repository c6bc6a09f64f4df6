import type {View} from '../view/contract.js';
import type {Mode, Work} from '../config/config.js';
import {rankTime} from '../ui/panels/leaderboard.js';
import {endedAtBound} from './bound.js';

/** One mode of the closing comparison: its time, measured, or the model's for a run stopped at the bound. */
export type Ranked = {readonly mode: Mode; readonly ms: number; readonly extrapolated: boolean};

/** How a scene's last run ended, every figure as measured (for the closing summary). */
export type SceneOutcome =
	| {
		readonly kind: 'run';
		readonly mode: Mode;
		readonly work: Work;
		readonly requested: number;
		readonly done: number;
		/** The run's active time (wall less paused), as the header's clock shows it. */
		readonly elapsedMs: number;
		readonly predictedMs: number;
		/** Stopped at the scene's bound, as planned: the prediction is the model's extrapolation. */
		readonly bounded: boolean;
		/** The presenter moved on before the run ended: the figures so far. */
		readonly left?: boolean;
	}
	| {
		readonly kind: 'compare';
		readonly requested: number;
		/** Fastest first, by rankTime (the leaderboard's order). */
		readonly ranking: readonly Ranked[];
	};

/** The outcome the view shows once its run has ended (undefined when there is nothing to tell). */
export function outcomeOf(view: View, boundSeconds: number | undefined): SceneOutcome | undefined {
	const results = view.compare?.results ?? [];
	if (view.compare && results.length > 0) {
		// The leaderboard's order: a finished run's active time, a stopped one's the model's for all n.
		const ranking = results.map((r): Ranked => ({mode: r.mode, ...rankTime(r)})).sort((a, b) => a.ms - b.ms);
		return {kind: 'compare', requested: results[0]!.requested, ranking};
	}

	const s = view.snapshot;
	if (!s) {
		return undefined;
	}

	const done = s.completed + s.failed;
	return {
		kind: 'run',
		mode: s.run.mode,
		work: s.run.work,
		requested: s.run.requested,
		done,
		// The run's active time: a pause is not the run's.
		elapsedMs: Math.max(0, s.elapsedMs - s.pausedMs),
		predictedMs: s.model.predictedMs,
		bounded: endedAtBound(s, boundSeconds),
		left: s.status !== 'done' && s.status !== 'cancelled' && s.status !== 'failed',
	};
}
