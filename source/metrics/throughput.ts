import {BATCH_MAX_DELAY_MS} from '../events/bus.js';

/** Values kept in every history (throughput, CPU per core): one per frame. */
export const HISTORY = 120;
/** Task ends are counted in buckets of this many ms of event time. */
export const BUCKET_MS = 10;
/** "Requests/s over the last second". */
export const WINDOW_MS = 1000;
/**
 * Events reach the main thread up to one batch delay after they happen, so
 * rates are taken over windows that end this long before the frame: every
 * end inside them has arrived.
 */
export const THROUGHPUT_LAG_MS = BATCH_MAX_DELAY_MS;
/** Buckets kept (a ring): the window, the lag and slack for late frames. */
const RING = 256;

/** Task ends per bucket of event time, in a fixed ring: memory is bounded whatever the number of tasks. */
export type EndRing = {
	/** Bucket number held by each slot (-1 when empty). */
	readonly ids: readonly number[];
	readonly counts: readonly number[];
};

export type MutableRing = {ids: number[]; counts: number[]};

export const emptyRing = (): EndRing => ({ids: Array.from({length: RING}, () => -1), counts: Array.from({length: RING}, () => 0)});

export const copyRing = (ring: EndRing): MutableRing => ({ids: [...ring.ids], counts: [...ring.counts]});

export const bucketOf = (t: number): number => Math.floor(t / BUCKET_MS);

/** Count one end at event time t (ends older than the ring are dropped from the rates, not from the totals). */
export function countEnd(ring: MutableRing, t: number): void {
	const bucket = bucketOf(t);
	const slot = ((bucket % RING) + RING) % RING;
	const held = ring.ids[slot]!;
	if (held === bucket) {
		ring.counts[slot]!++;
	} else if (held < bucket) {
		ring.ids[slot] = bucket;
		ring.counts[slot] = 1;
	}
}

/** Ends in buckets [from, to). */
function endsBetween(ring: EndRing, from: number, to: number): number {
	let sum = 0;
	for (let bucket = Math.max(from, to - RING); bucket < to; bucket++) {
		const slot = ((bucket % RING) + RING) % RING;
		if (ring.ids[slot] === bucket) {
			sum += ring.counts[slot]!;
		}
	}

	return sum;
}

/** The last bucket (exclusive) whose ends have all arrived by frame time t. */
export const settledBucket = (t: number): number => bucketOf(t - THROUGHPUT_LAG_MS);

/** Requests/s over buckets [from, to); 0 for an empty span. */
export function rateBetween(ring: EndRing, from: number, to: number): number {
	return to > from ? (endsBetween(ring, from, to) * 1000) / ((to - from) * BUCKET_MS) : 0;
}

/** Requests/s over the last second that has settled at frame time t, not before the first task. */
export function currentRate(ring: EndRing, t: number, firstBucket: number): number {
	const to = settledBucket(t);
	return rateBetween(ring, Math.max(to - WINDOW_MS / BUCKET_MS, firstBucket), to);
}

export const pushCapped = <T>(history: readonly T[], value: T, cap: number = HISTORY): readonly T[] =>
	history.length >= cap ? [...history.slice(history.length - cap + 1), value] : [...history, value];
