import type {PlayerAction} from './player.js';
import {SEEK_MS} from './player.js';

/** The keys of Ink's `Key` a replay reads. */
export type ReplayKeyFlags = {
	readonly rightArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly shift?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
};

const CHARS: ReadonlyMap<string, PlayerAction> = new Map<string, PlayerAction>([
	['<', {type: 'step', by: -1}],
	[',', {type: 'step', by: -1}],
	['>', {type: 'step', by: 1}],
	['.', {type: 'step', by: 1}],
	['[', {type: 'speed', by: -1}],
	['-', {type: 'speed', by: -1}],
	[']', {type: 'speed', by: 1}],
	['+', {type: 'speed', by: 1}],
	['=', {type: 'speed', by: 1}],
	['m', {type: 'marker', by: 1}],
	['M', {type: 'marker', by: -1}],
]);

/**
 * A key the replay's player takes (← / → seek 5 s, shift or < / > one frame,
 * Home / End, [ / ] speed, m / M markers), or null: the key then goes to the
 * controller (space pauses, q quits, the live dashboard's keys say they do nothing here).
 */
export function replayKeyToAction(input: string, key: ReplayKeyFlags): PlayerAction | null {
	if (key.leftArrow || key.rightArrow) {
		const by = key.rightArrow ? 1 : -1;
		return key.shift ? {type: 'step', by} : {type: 'seek', ms: by * SEEK_MS};
	}

	if (key.home) {
		return {type: 'home'};
	}

	if (key.end) {
		return {type: 'end'};
	}

	if (key.ctrl || key.meta) {
		return null;
	}

	return CHARS.get(input) ?? null;
}

/** The replay's keys for its bar: key, English words (the catalogue has the rest). */
export const REPLAY_KEYS: readonly (readonly [key: string, words: string])[] = [
	['space', 'pause'],
	['←/→', '5 s'],
	['</>', 'frame'],
	['[/]', 'speed'],
	['m/M', 'marker'],
	['Home/End', 'start/end'],
	['q', 'quit'],
];
