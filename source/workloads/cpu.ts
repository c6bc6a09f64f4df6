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

const WARM_UP_MS = 40;
/** Tries are as long as a task, within these bounds: a short try that no interrupt touched runs faster than a task does. */
const MIN_TRY_MS = 2;
const MAX_TRY_MS = 10;
const MIN_TRIES = 24;

/** Speeds of `tries` runs of `units` each, read on the wall clock, units per ms. */
function speedsOf(units: number, budgetMs: number, minTries: number): number[] {
	const speeds: number[] = [];
	const deadline = performance.now() + budgetMs;
	while (speeds.length < minTries || performance.now() < deadline) {
		const start = performance.now();
		consume(runKernel(units, speeds.length + 1));
		const ms = performance.now() - start;
		if (ms > 0) {
			speeds.push(units / ms);
		}

		if (speeds.length >= minTries * 4) {
			break;
		}
	}

	return speeds.sort((a, b) => a - b);
}

/**
 * Measure how many kernel units cost `cpuMs` ms of CPU on this thread. The
 * kernel first runs for WARM_UP_MS so the JIT has optimised it (a cold run
 * is ten times slower). Then at least MIN_TRIES tries as long as a task
 * (2–10 ms), on the wall clock: a try can only look slower than the kernel
 * is (the thread was preempted, which is frequent on a shared machine),
 * never faster, so the speed is the median of the fastest quarter. Thread CPU
 * clocks are not used: many kernels count them in scheduler ticks (4 ms),
 * too coarse for these tries. About 300 ms for 10 ms tasks; run it off the
 * UI thread.
 */
export function calibrateCpu(cpuMs: number): Calibration {
	let units = 1;
	const warmUpEnd = performance.now() + WARM_UP_MS;
	let unitsPerMs = 1;
	while (performance.now() < warmUpEnd) {
		const start = performance.now();
		consume(runKernel(units, units));
		const ms = performance.now() - start;
		unitsPerMs = Math.max(unitsPerMs, units / Math.max(ms, 1e-3));
		units = Math.min(units * 2, Math.max(1, Math.round(unitsPerMs * MIN_TRY_MS)));
	}

	const tryMs = Math.min(Math.max(cpuMs, MIN_TRY_MS), MAX_TRY_MS);
	const tryUnits = Math.max(1, Math.round(unitsPerMs * tryMs));
	const speeds = speedsOf(tryUnits, MIN_TRIES * tryMs, MIN_TRIES);
	const fastest = speeds.slice(Math.floor(speeds.length * 0.75));
	unitsPerMs = fastest[Math.floor(fastest.length / 2)] ?? unitsPerMs;
	return {cpuMs, units: Math.max(1, Math.round(unitsPerMs * cpuMs)), unitsPerMs};
}

/**
 * Run the kernel for WARM_UP_MS on this thread, as the calibration did, so a
 * lane's first tasks run JIT-optimised code and cost what was calibrated (a
 * cold kernel in a fresh process or thread is several times slower). Lanes
 * do it before they report up: it is start-up, not run time.
 */
export function warmUpKernel(): void {
	const end = performance.now() + WARM_UP_MS;
	let units = 1;
	while (performance.now() < end) {
		consume(runKernel(units, units));
		units = Math.min(units * 2, 1 << 16);
	}
}
