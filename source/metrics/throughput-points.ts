import type {MetricsState} from './state.js';
import {BUCKET_MS, bucketOf, currentRate, rateBetween, settledBucket, WINDOW_MS} from './throughput.js';

/** The run's last point: its last second (its mean when shorter); every end has arrived once it is over. */
export function finalPoint(state: MetricsState): number {
	const first = state.firstStartAt;
	const last = state.lastEndAt;
	if (first === null || last === null || last <= first) {
		return 0;
	}

	const served = state.completed + state.failed;
	const to = bucketOf(last) + 1;
	const from = to - (WINDOW_MS / BUCKET_MS);
	return last - first < WINDOW_MS ? (served * 1000) / (last - first) : rateBetween(state.ends, from, to);
}

/** Requests/s at frame time t: over the last settled second, or since the first task while the run is younger than that. */
export function rateNow(state: MetricsState, t: number, first: number): number {
	const firstAt = state.firstStartAt ?? t;
	if (settledBucket(t) - first >= WINDOW_MS / BUCKET_MS || t <= firstAt) {
		return currentRate(state.ends, t, first);
	}

	return ((state.completed + state.failed) * 1000) / (t - firstAt);
}
