import {performance} from 'node:perf_hooks';
import {now, type SampleEvent} from '../events/events.js';

export const SAMPLE_INTERVAL_MS = 100;

type Clock = 'thread' | 'process';

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
			rssBytes: process.memoryUsage.rss(),
		};
	};
}
