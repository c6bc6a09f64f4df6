import {build, type Histogram} from 'hdr-histogram-js';
import type {Outcome} from '../events.js';
import type {Latency} from './snapshot.js';

/**
 * Task latencies in an HDR histogram (hdr-histogram-js, the JS
 * implementation), recorded as integer microseconds with 4 significant
 * digits: values are exact to 0.01 % (≤ 4 µs at 100 ms), in bounded memory
 * whatever the number of tasks.
 *
 * What is recorded: completed tasks, and failed tasks that got an HTTP
 * status (a 500 is a full round trip, as long as a success). Failures
 * without a status (timeouts, refused connections) measure the timeout or
 * the error path rather than the service, and cancelled tasks are cut
 * short by the user: neither is recorded.
 */
export type LatencyRecorder = Histogram;

export function createLatency(): LatencyRecorder {
	return build({bitBucketSize: 32, numberOfSignificantValueDigits: 4, autoResize: true});
}

export const isRecorded = (outcome: Outcome, status: number): boolean =>
	outcome === 'completed' || (outcome === 'failed' && status > 0);

/** Mutates the histogram (owned by the metrics state). */
export function recordLatency(histogram: LatencyRecorder, latencyMs: number): void {
	if (Number.isFinite(latencyMs) && latencyMs >= 0) {
		histogram.recordValue(Math.round(latencyMs * 1000));
	}
}

const ms = (us: number): number => us / 1000;

export const NO_LATENCY: Latency = {p50: 0, p90: 0, p99: 0, max: 0, mean: 0};

/** Percentiles in ms (plain numbers: no reference to the histogram). */
export function latencySnapshot(histogram: LatencyRecorder): Latency {
	if (histogram.totalCount === 0) {
		return NO_LATENCY;
	}

	return {
		p50: ms(histogram.getValueAtPercentile(50)),
		p90: ms(histogram.getValueAtPercentile(90)),
		p99: ms(histogram.getValueAtPercentile(99)),
		max: ms(histogram.maxValue),
		mean: ms(histogram.mean),
	};
}
