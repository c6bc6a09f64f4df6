import type {Gil} from './workload.js';

const NEXT_TICKET = 0;
const NOW_SERVING = 1;
const SLOTS = 2;

/**
 * A GIL for the threads of one process: a FIFO ticket lock on an Int32Array
 * over a SharedArrayBuffer (Atomics.add takes a ticket, Atomics.wait sleeps
 * until it is served, release serves the next and notifies). FIFO, so a
 * thread that releases and comes straight back cannot starve the others.
 *
 * Create it once (`createGil()`), pass `gil.buffer` to every worker thread,
 * and call `createGil(buffer)` in each. acquire() blocks its thread with
 * Atomics.wait when the lock is taken: use it from worker threads only; on
 * the main thread it would freeze the event loop (and the UI) while waiting.
 */
export function createGil(buffer?: SharedArrayBuffer): Gil & {readonly buffer: SharedArrayBuffer} {
	const shared = buffer ?? new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT);
	if (shared.byteLength < SLOTS * Int32Array.BYTES_PER_ELEMENT) {
		throw new RangeError(`GIL buffer too small: ${shared.byteLength} bytes, need ${SLOTS * Int32Array.BYTES_PER_ELEMENT}`);
	}

	const cells = new Int32Array(shared, 0, SLOTS);
	return {
		buffer: shared,
		acquire() {
			// Int32 arithmetic wraps around; tickets are only compared for equality.
			const ticket = Atomics.add(cells, NEXT_TICKET, 1);
			for (;;) {
				const serving = Atomics.load(cells, NOW_SERVING);
				if (serving === ticket) {
					return;
				}

				Atomics.wait(cells, NOW_SERVING, serving);
			}
		},
		release() {
			Atomics.add(cells, NOW_SERVING, 1);
			Atomics.notify(cells, NOW_SERVING);
		},
	};
}
