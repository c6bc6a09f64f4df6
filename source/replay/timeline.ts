import type {MetricsAction} from '../metrics/reducer.js';
import {toSnapshot} from '../metrics/reducer.js';
import type {RunResult, Snapshot} from '../metrics/snapshot.js';
import {cloneFold, startFold, step, type RunFold} from './fold.js';
import type {Recording} from './reader.js';
import {unpackChecked} from './replay-json.js';

/** A keyframe is kept once this many events, or this long of the run, have passed since the last one. */
export const KEY_EVENTS = 40_000;
export const KEY_MS = 2000;
/** The wait between two runs (the next one's calibrations, a pilot) plays as at most this long. */
export const GAP_MS = 1000;

/** A picture of the run: where its live snapshot was made (a frame), `index` actions into its run. */
export type Stop = {
	readonly run: number;
	/** Epoch ms of the recording. */
	readonly t: number;
	/** Playback ms from the start of the replay. */
	readonly at: number;
	readonly index: number;
};

type Keyframe = {readonly index: number; readonly fold: RunFold};

type RunLine = {
	readonly blockStarts: number[];
	readonly keyframes: Keyframe[];
	result: RunResult | null;
	actions: number;
};

/** The first index whose value is more than x (values ascending). */
function upperBound(values: readonly number[], x: number): number {
	let lo = 0;
	let hi = values.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (values[mid]! <= x) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}

	return lo;
}

/**
 * A recording as a line of stops to play and seek: one pass folds every run
 * (its result, its stops, a keyframe every few seconds); a seek then starts
 * from the keyframe before its stop and folds forward from there.
 */
export class Timeline {
	readonly recording: Recording;
	readonly stops: Stop[] = [];
	/** Playback ms of each stop, for searches. */
	readonly stopsAt: number[] = [];
	/** Playback ms where each run starts (the markers m/M go to). */
	readonly markersAt: number[] = [];
	readonly #lines: RunLine[] = [];
	#fold: RunFold | undefined;
	#foldRun = -1;
	#folded = 0;
	#block: {run: number; index: number; actions: MetricsAction[]} | undefined;

	constructor(recording: Recording) {
		this.recording = recording;
		let base = 0;
		recording.runs.forEach((run, r) => {
			const previous = this.stops.at(-1);
			if (previous) {
				base = previous.at + Math.max(0, Math.min(GAP_MS, run.start.t - previous.t));
			}

			this.#scan(r, base);
		});
	}

	get durationMs(): number {
		return this.stops.at(-1)?.at ?? 0;
	}

	/** Each run's result (null for one cut short), in run order. */
	get results(): (RunResult | null)[] {
		return this.#lines.map(line => line.result);
	}

	/** The stop shown at playback time `at`: the last one at or before it. */
	stopAt(at: number): number {
		return Math.max(0, upperBound(this.stopsAt, at) - 1);
	}

	/** The snapshot of stop `i`, as the live run drew it. */
	snapshot(i: number): Snapshot {
		const stop = this.stops[i]!;
		const fold = this.#foldTo(stop.run, stop.index);
		return toSnapshot(fold.state, stop.t);
	}

	#scan(r: number, base: number): void {
		const {start, blocks} = this.recording.runs[r]!;
		const fold = startFold(start);
		const line: RunLine = {blockStarts: [], keyframes: [{index: 0, fold: cloneFold(fold)}], result: null, actions: 0};
		this.#lines.push(line);
		this.#push({run: r, t: start.t, at: base, index: 0});
		let events = 0;
		let keyT = start.t;
		for (const block of blocks) {
			line.blockStarts.push(line.actions);
			for (const action of unpackChecked(this.recording, block)) {
				step(fold, action);
				line.actions++;
				events += action.type === 'events' ? action.events.length : 0;
				if (action.type !== 'frame') {
					continue;
				}

				this.#push({run: r, t: action.t, at: base + Math.max(0, action.t - start.t), index: line.actions});
				if (events >= KEY_EVENTS || action.t - keyT >= KEY_MS) {
					line.keyframes.push({index: line.actions, fold: cloneFold(fold)});
					events = 0;
					keyT = action.t;
				}
			}
		}

		line.result = fold.result;
		this.markersAt.push(base);
	}

	#push(stop: Stop): void {
		const at = Math.max(stop.at, this.stopsAt.at(-1) ?? 0);
		this.stops.push({...stop, at});
		this.stopsAt.push(at);
	}

	/** The run folded through its first `index` actions: onward from where it is, or from the keyframe before when that is nearer. */
	#foldTo(run: number, index: number): RunFold {
		const keys = this.#lines[run]!.keyframes;
		const key = keys[Math.max(0, upperBound(keys.map(k => k.index), index) - 1)]!;
		const onward = this.#fold !== undefined && this.#foldRun === run && this.#folded <= index && this.#folded >= key.index;
		if (!onward) {
			this.#fold = cloneFold(key.fold);
			this.#foldRun = run;
			this.#folded = key.index;
		}

		const fold = this.#fold!;
		while (this.#folded < index) {
			step(fold, this.#actionAt(run, this.#folded));
			this.#folded++;
		}

		return fold;
	}

	#actionAt(run: number, k: number): MetricsAction {
		const line = this.#lines[run]!;
		const b = upperBound(line.blockStarts, k) - 1;
		if (this.#block?.run !== run || this.#block.index !== b) {
			this.#block = {run, index: b, actions: unpackChecked(this.recording, this.recording.runs[run]!.blocks[b]!)};
		}

		return this.#block.actions[k - line.blockStarts[b]!]!;
	}
}
