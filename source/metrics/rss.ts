import type {MetricsState} from './state.js';

/** The resident set of one process of the client, as sampled. */
export type ProcessRss = {readonly pid: number; readonly rssBytes: number};

/** The client's memory now: the latest RSS of each of its live processes, summed. */
export function totalRss(rssByPid: ReadonlyMap<number, number>): number {
	let sum = 0;
	for (const bytes of rssByPid.values()) {
		sum += bytes;
	}

	return sum;
}

/** Record one process's RSS; the peak is the largest total seen. */
export function withProcessRss(state: Pick<MetricsState, 'rssByPid' | 'peakRssBytes'>, sample: ProcessRss): Pick<MetricsState, 'rssByPid' | 'peakRssBytes'> {
	const rssByPid = new Map(state.rssByPid).set(sample.pid, sample.rssBytes);
	return {rssByPid, peakRssBytes: Math.max(state.peakRssBytes, totalRss(rssByPid))};
}
