import {performance} from 'node:perf_hooks';
import {now, type SampleEvent} from '../../events/events.js';

export const SAMPLE_INTERVAL_MS = 100;

type Clock = 'thread' | 'process';

let lastRss = 0;

/**
 * This process's resident memory, bytes. libuv opens /proc/self/stat to read
 * it, which fails when the process is out of file descriptors (EMFILE): the
 * last reading stands then, so a sampler never crashes the run it samples.
 */
export function residentBytes(): number {
	try {
		lastRss = process.memoryUsage.rss();
	} catch {
		// Keep the last reading.
	}

	return lastRss;
}

/** Samples this thread (or process): CPU ms and event-loop utilisation since the previous call. */
export function createSampler(worker: number, clock: Clock): (inFlight: number) => SampleEvent {
	const read = clock === 'thread' ? () => process.threadCpuUsage() : () => process.cpuUsage();
	let cpu = read();
	let elu = performance.eventLoopUtilization();
	return inFlight => {
		const cpuNow = read();
		const eluNow = performance.eventLoopUtilization();
		const cpuMs = (cpuNow.user - cpu.user + cpuNow.system - cpu.system) / 1000;
		const utilisation = performance.eventLoopUtilization(eluNow, elu).utilization;
		cpu = cpuNow;
		elu = eluNow;
		return {
			type: 'sample',
			worker,
			t: now(),
			cpuMs: Math.max(0, cpuMs),
			elu: Number.isFinite(utilisation) ? utilisation : 0,
			inFlight,
			rssBytes: residentBytes(),
		};
	};
}
