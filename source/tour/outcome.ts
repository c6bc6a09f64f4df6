import type {View} from '../frontends/controller.js';
import type {Mode, Work} from '../config/config.js';

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
		/** Stopped at the scene's bound: the prediction is the model's extrapolation. */
		readonly bounded: boolean;
		/** The presenter moved on before the run ended: the figures so far. */
		readonly left?: boolean;
	}
	| {
		readonly kind: 'compare';
		readonly requested: number;
		readonly fastest: Mode;
		readonly fastestMs: number;
		readonly slowest: Mode;
		readonly slowestMs: number;
	};

/** The outcome the view shows once its run has ended (undefined when there is nothing to tell). */
export function outcomeOf(view: View, boundSeconds: number | undefined): SceneOutcome | undefined {
	const results = view.compare?.results ?? [];
	if (view.compare && results.length > 0) {
		const active = (r: (typeof results)[number]): number => r.wallMs - r.pausedMs;
		const byWall = [...results].sort((a, b) => active(a) - active(b));
		const fastest = byWall[0]!;
		const slowest = byWall.at(-1)!;
		return {
			kind: 'compare',
			requested: fastest.requested,
			fastest: fastest.mode,
			fastestMs: active(fastest),
			slowest: slowest.mode,
			slowestMs: active(slowest),
		};
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
		bounded: boundSeconds !== undefined && s.status === 'cancelled' && done < s.run.requested,
		left: s.status !== 'done' && s.status !== 'cancelled' && s.status !== 'failed',
	};
}
