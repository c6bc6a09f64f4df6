import {build, type Histogram} from 'hdr-histogram-js';
import type {Outcome} from '../events/events.js';
import type {Latency} from './snapshot.js';

/**
 * Task latencies in an HDR histogram (hdr-histogram-js, the JS
 * implementation), recorded as integer microseconds with 3 significant
 * digits: values are exact to 0.1 % (≤ 0.1 ms at 100 ms), in bounded memory
 * whatever the number of tasks. The mean is a running sum (the histogram's
 * own walks every bucket), and the percentiles are read again only when
 * something new was recorded: a snapshot per frame stays cheap.
 *
 * What is recorded: completed tasks, and failed tasks that got an HTTP
 * status (a 500 is a full round trip, as long as a success). Failures
 * without a status (timeouts, refused connections) measure the timeout or
 * the error path rather than the service, and cancelled tasks are cut
 * short by the user: neither is recorded.
 */
export type LatencyRecorder = {
	readonly histogram: Histogram;
	/** Sum of the recorded values, µs. */
	sumUs: number;
	/** The last snapshot and the count it was read at. */
	cached: {count: number; latency: Latency};
};

/** The percentiles of the latency chart (wide layout). */
const LADDER = [50, 75, 90, 95, 99, 99.9] as const;

const NO_LATENCY: Latency = {p50: 0, p90: 0, p99: 0, max: 0, mean: 0, count: 0};

export function createLatency(): LatencyRecorder {
	return {
		histogram: build({bitBucketSize: 32, numberOfSignificantValueDigits: 3, autoResize: true}),
		sumUs: 0,
		cached: {count: 0, latency: NO_LATENCY},
	};
}

export const isRecorded = (outcome: Outcome, status: number): boolean =>
	outcome === 'completed' || (outcome === 'failed' && status > 0);

/** Mutates the recorder (owned by the metrics state). */
export function recordLatency(recorder: LatencyRecorder, latencyMs: number): void {
	if (Number.isFinite(latencyMs) && latencyMs >= 0) {
		const us = Math.round(latencyMs * 1000);
		recorder.histogram.recordValue(us);
		recorder.sumUs += us;
	}
}

const ms = (us: number): number => us / 1000;

/** Percentiles in ms (plain numbers: no reference to the histogram). */
export function latencySnapshot(recorder: LatencyRecorder): Latency {
	const {histogram} = recorder;
	const count = histogram.totalCount;
	if (count === 0 || count === recorder.cached.count) {
		return recorder.cached.latency;
	}

	const latency = {
		p50: ms(histogram.getValueAtPercentile(50)),
		p90: ms(histogram.getValueAtPercentile(90)),
		p99: ms(histogram.getValueAtPercentile(99)),
		max: ms(histogram.maxValue),
		mean: ms(recorder.sumUs / count),
		count,
		ladder: LADDER.map(p => [p, ms(histogram.getValueAtPercentile(p))] as const),
	};
	recorder.cached = {count, latency};
	return latency;
}
