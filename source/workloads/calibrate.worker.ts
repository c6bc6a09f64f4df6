import {calibrateCpu, type Calibration} from './cpu.js';

/** Task function for a worker pool (piscina): calibrate the CPU kernel on the worker's thread. */
export default function calibrate({cpuMs}: {cpuMs: number}): Calibration {
	return calibrateCpu(cpuMs);
}
