/**
 * Where a replay is and how it moves: a pure reducer over string-tagged
 * actions. Times are playback ms from the start of the replay; the stops
 * (frames) and markers (run starts) come from the timeline.
 */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export const SEEK_MS = 5000;

export type PlayerState = {
	readonly at: number;
	/** Index into SPEEDS. */
	readonly speed: number;
	readonly paused: boolean;
};

export type PlayerAction =
	/** Real time passed while playing. */
	| {readonly type: 'tick'; readonly ms: number}
	| {readonly type: 'toggle-pause'}
	| {readonly type: 'seek'; readonly ms: number}
	/** One frame on (1) or back (−1); pauses, so the frame stays on screen. */
	| {readonly type: 'step'; readonly by: 1 | -1}
	| {readonly type: 'home'}
	| {readonly type: 'end'}
	| {readonly type: 'speed'; readonly by: 1 | -1}
	/** The next (1) or previous (−1) marker: a run's start (a mode switch, a scene). */
	| {readonly type: 'marker'; readonly by: 1 | -1};

export type PlayerIndex = {
	readonly stopsAt: readonly number[];
	readonly markersAt: readonly number[];
	readonly durationMs: number;
};

export const initialPlayer: PlayerState = {at: 0, speed: SPEEDS.indexOf(1), paused: false};

/** A marker this close behind counts as where the replay is: M goes to the one before it. */
const MARKER_SLACK_MS = 500;

const clamp = (at: number, index: PlayerIndex): number => Math.min(index.durationMs, Math.max(0, at));

function stepTo(at: number, by: 1 | -1, stopsAt: readonly number[]): number {
	if (by > 0) {
		return stopsAt.find(s => s > at) ?? at;
	}

	// Back from the frame on screen (the last stop at or before `at`), not from `at`.
	const shown = stopsAt.findLast(s => s <= at) ?? 0;
	return stopsAt.findLast(s => s < shown) ?? stopsAt[0] ?? 0;
}

function markerTo(at: number, by: 1 | -1, markersAt: readonly number[]): number {
	if (by > 0) {
		return markersAt.find(m => m > at) ?? at;
	}

	return markersAt.findLast(m => m < at - MARKER_SLACK_MS) ?? 0;
}

export function playerReducer(state: PlayerState, action: PlayerAction, index: PlayerIndex): PlayerState {
	switch (action.type) {
		case 'tick': {
			if (state.paused) {
				return state;
			}

			const at = clamp(state.at + action.ms * SPEEDS[state.speed]!, index);
			// Played to the end: it stays there, paused (space plays it again from the start).
			return {...state, at, paused: at >= index.durationMs};
		}

		case 'toggle-pause': {
			const restart = state.paused && state.at >= index.durationMs;
			return {...state, paused: !state.paused, at: restart ? 0 : state.at};
		}

		case 'seek': {
			return {...state, at: clamp(state.at + action.ms, index)};
		}

		case 'step': {
			return {...state, at: clamp(stepTo(state.at, action.by, index.stopsAt), index), paused: true};
		}

		case 'home': {
			return {...state, at: 0};
		}

		case 'end': {
			return {...state, at: index.durationMs};
		}

		case 'speed': {
			return {...state, speed: Math.min(SPEEDS.length - 1, Math.max(0, state.speed + action.by))};
		}

		case 'marker': {
			return {...state, at: clamp(markerTo(state.at, action.by, index.markersAt), index)};
		}
	}
}

/** `×0.25` … `×8`. */
export const speedText = (state: PlayerState): string => `×${SPEEDS[state.speed]}`;
