import type {Calibration} from './cpu.js';
import {firstMessageOf} from './off-thread.js';

/** Calibrate the CPU kernel in a one-off worker thread, then end that thread. */
export const calibrateOffThread = async (cpuMs: number): Promise<Calibration> =>
	firstMessageOf<Calibration>(new URL('calibrate-entry.js', import.meta.url), {cpuMs}, 'CPU calibration');
