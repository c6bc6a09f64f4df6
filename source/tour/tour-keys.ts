import type {TourAction} from './tour-state.js';

/** The keys of Ink's `Key` a presenter's clicker sends. */
export type TourKeyFlags = {
	readonly rightArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly pageDown?: boolean;
	readonly pageUp?: boolean;
	readonly return?: boolean;
	readonly ctrl?: boolean;
	readonly meta?: boolean;
};

/**
 * A key the tour handles itself (→ PageDown Enter next, ← PageUp back, r rerun
 * the scene), or null: the key then goes to the dashboard (space, q, 1–6, …).
 */
export function tourKeyToAction(input: string, key: TourKeyFlags): TourAction | null {
	if (key.rightArrow || key.pageDown || key.return) {
		return {type: 'next'};
	}

	if (key.leftArrow || key.pageUp) {
		return {type: 'previous'};
	}

	if (!key.ctrl && !key.meta && input === 'r') {
		return {type: 'rerun'};
	}

	return null;
}

/** The tour's keys for its bar: key, English words (the catalogue has the rest). */
export const TOUR_KEYS: readonly (readonly [key: string, words: string])[] = [
	['→', 'next'],
	['←', 'back'],
	['space', 'pause'],
	['r', 'rerun'],
	['?', 'help'],
	['q', 'quit'],
];
