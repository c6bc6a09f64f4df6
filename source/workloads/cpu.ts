/**
 * The CPU kernel: rounds of a 32-bit integer hash mix (murmur3-style
 * finalizer steps), run on the calling thread. Its checksum depends on every
 * step, and the caller keeps it, so a JIT cannot drop the work.
 */

/** Mixing steps in one unit of work. */
const STEPS_PER_UNIT = 1024;

export type Calibration = {
	/** The CPU cost per task asked for, ms. */
	readonly cpuMs: number;
	/** Kernel units for one task of about cpuMs ms of CPU on this machine. */
	readonly units: number;
	/** Measured speed, units per ms of CPU. */
	readonly unitsPerMs: number;
};

/** Run `units` units of work seeded by `seed`; returns a checksum of all of it. */
export function runKernel(units: number, seed: number): number {
	let h = (seed ^ 0x9E_37_79_B9) | 0;
	let sum = 0;
	for (let u = 0; u < units; u++) {
		for (let i = 0; i < STEPS_PER_UNIT; i++) {
			h = (h + i) | 0;
			h = Math.imul(h ^ (h >>> 16), 0x85_EB_CA_6B);
			h = Math.imul(h ^ (h >>> 13), 0xC2_B2_AE_35);
			h ^= h >>> 16;
		}

		sum = (sum + h) | 0;
	}

	return sum >>> 0;
}

let sink = 0;

/** Keep a checksum where the JIT can see it is used. */
export function consume(checksum: number): void {
	sink ^= checksum;
}

/** XOR of every checksum consumed so far (observable, so the kernel's work is never dead code). */
export function consumed(): number {
	return sink;
}

/**
 * FNV-1a over bytes: the seed of mixed work's kernel, taken from the response
 * body. Pass the seed of the bytes before as `from` to hash a body chunk by chunk.
 */
export function seedFromBytes(bytes: Uint8Array, from = 0x81_1C_9D_C5): number {
	let h = from;
	for (const byte of bytes) {
		h = Math.imul(h ^ byte, 0x01_00_01_93);
	}

	return h >>> 0;
}

type Clock = {
	/** Now, ms. */
	readonly read: () => number;
	/** Pick one speed (units/ms) from the tries. */
	readonly pick: (speeds: readonly number[]) => number;
};

const FINE_RESOLUTION_MS = 0.05;
const PROBE_LIMIT_MS = 20;

const median = (sorted: readonly number[]): number => sorted[Math.floor(sorted.length / 2)]!;

/** The step of a clock: wait for it to tick twice (bounded by PROBE_LIMIT_MS of wall time). */
function resolutionOf(read: () => number): number {
	const deadline = performance.now() + PROBE_LIMIT_MS;
	let previous = read();
	let steps = 0;
	let first = previous;
	while (performance.now() < deadline) {
		const value = read();
		if (value !== previous) {
			steps++;
			if (steps === 1) {
				first = value;
			} else {
				return value - first;
			}

			previous = value;
		}
	}

	return Number.POSITIVE_INFINITY;
}

/**
 * This thread's CPU time with the median of the tries, when the runtime offers
 * it with a fine resolution. Some kernels account thread CPU time in scheduler
 * ticks (4 ms), too coarse for 10 ms runs: then wall time, taking the fastest
 * try, since being preempted only ever makes a run look slower.
 */
function chooseClock(): Clock {
	const threadCpuUsage = (process as {threadCpuUsage?: () => NodeJS.CpuUsage}).threadCpuUsage;
	if (typeof threadCpuUsage === 'function') {
		const read = (): number => {
			const usage = threadCpuUsage.call(process);
			return (usage.user + usage.system) / 1000;
		};

		if (resolutionOf(read) <= FINE_RESOLUTION_MS) {
			return {read, pick: median};
		}
	}

	return {read: () => performance.now(), pick: sorted => sorted.at(-1)!};
}

const TRIES = 5;
const WARM_UP_MS = 8;
const MIN_TRY_MS = 4;
const MAX_TRY_MS = 25;

/**
 * Measure how many kernel units cost `cpuMs` ms of CPU on this thread:
 * a warm-up that doubles the size until one run takes WARM_UP_MS, then
 * TRIES runs of about cpuMs (bounded to 4–25 ms each), read with the best
 * clock at hand (see chooseClock), so the whole calibration stays well under
 * 300 ms. Run it off the UI thread.
 */
export function calibrateCpu(cpuMs: number): Calibration {
	const clock = chooseClock();
	const timeOf = (units: number, seed: number): number => {
		const start = clock.read();
		consume(runKernel(units, seed));
		return clock.read() - start;
	};

	let units = 1;
	let elapsed = timeOf(units, 0);
	while (elapsed < WARM_UP_MS && units < 2 ** 24) {
		units *= 2;
		elapsed = timeOf(units, units);
	}

	let unitsPerMs = units / Math.max(elapsed, 1e-3);
	const tryUnits = Math.max(1, Math.round(unitsPerMs * Math.min(Math.max(cpuMs, MIN_TRY_MS), MAX_TRY_MS)));
	const speeds: number[] = [];
	for (let i = 0; i < TRIES; i++) {
		const ms = timeOf(tryUnits, i + 1);
		if (ms > 0) {
			speeds.push(tryUnits / ms);
		}
	}

	if (speeds.length > 0) {
		speeds.sort((a, b) => a - b);
		unitsPerMs = clock.pick(speeds);
	}

	return {cpuMs, units: Math.max(1, Math.round(unitsPerMs * cpuMs)), unitsPerMs};
}
