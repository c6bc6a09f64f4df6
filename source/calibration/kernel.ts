import type {Calibration} from '../workloads/cpu.js';
import {firstMessageOf} from '../workloads/off-thread.js';

/** The CPU kernel's calibration takes a second or two; past this a run of CPU work cannot be made (no kernel size). */
const KERNEL_CALIBRATION_DEADLINE_MS = 30_000;

/** Calibrate the CPU kernel in a one-off worker thread, then end that thread. */
export const calibrateOffThread = async (cpuMs: number): Promise<Calibration> =>
	firstMessageOf<Calibration>(new URL('kernel.worker.js', import.meta.url), {cpuMs}, 'the CPU kernel\'s calibration', KERNEL_CALIBRATION_DEADLINE_MS);
