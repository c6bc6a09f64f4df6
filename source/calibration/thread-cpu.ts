import {readdirSync, readFileSync} from 'node:fs';

/** Nanoseconds on a CPU from a schedstat file (its first field), or undefined where there is none. */
function schedstatMs(path: string): number | undefined {
	try {
		const ns = Number(readFileSync(path, 'utf8').split(' ', 1)[0]);
		return Number.isFinite(ns) ? ns / 1e6 : undefined;
	} catch {
		return undefined;
	}
}

/**
 * CPU time of the calling thread, ms: Linux's scheduler account to the
 * nanosecond (/proc/thread-self/schedstat) where there is one, else
 * process.threadCpuUsage(), which some kernels count in 4 ms ticks.
 */
export function threadCpuMs(): number {
	const ms = schedstatMs('/proc/thread-self/schedstat');
	if (ms !== undefined) {
		return ms;
	}

	const usage = process.threadCpuUsage();
	return (usage.user + usage.system) / 1000;
}

/** CPU time of every thread of process `pid`, ms (Linux); undefined where it can't be read. */
export function processCpuMs(pid: number): number | undefined {
	try {
		let sum = 0;
		for (const task of readdirSync(`/proc/${pid}/task`)) {
			sum += schedstatMs(`/proc/${pid}/task/${task}/schedstat`) ?? 0;
		}

		return sum;
	} catch {
		return undefined;
	}
}

/**
 * CPU time of every thread of this process but the main one, ms: a lane
 * thread's own and V8's helper threads', which collect its garbage (Linux);
 * this thread's alone where /proc can't be read.
 */
export function laneCpuMs(): number {
	const all = processCpuMs(process.pid);
	const main = schedstatMs(`/proc/${process.pid}/task/${process.pid}/schedstat`);
	return all === undefined || main === undefined ? threadCpuMs() : all - main;
}

/**
 * CPU of the parts of a run, ms (Linux): the lanes — the processes `lanes`
 * (a lane process's every thread), or, where the lanes are threads of this
 * process, every thread of it but the main one (lane threads, V8's helpers) —
 * the main side (the whole of this process when the lanes are processes, else
 * its main thread) and the server's. Undefined where /proc can't be read.
 */
export function partsCpuMs(serverPid: number, lanes: readonly number[]): {lane: number; main: number; server: number} | undefined {
	const self = processCpuMs(process.pid);
	const server = processCpuMs(serverPid);
	const mainThread = schedstatMs(`/proc/${process.pid}/task/${process.pid}/schedstat`);
	if (self === undefined || server === undefined || mainThread === undefined) {
		return undefined;
	}

	if (lanes.length === 0) {
		return {lane: self - mainThread, main: mainThread, server};
	}

	let lane = 0;
	for (const pid of lanes) {
		const ms = processCpuMs(pid);
		if (ms === undefined) {
			return undefined;
		}

		lane += ms;
	}

	return {lane, main: self, server};
}
