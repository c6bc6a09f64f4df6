import {Worker} from 'node:worker_threads';
import type {Calibration} from './cpu.js';

/**
 * Calibrate the CPU kernel in a one-off worker thread (the main thread
 * belongs to the UI and never runs the kernel), then end that thread.
 */
export async function calibrateOffThread(cpuMs: number): Promise<Calibration> {
	const worker = new Worker(new URL('calibrate-entry.js', import.meta.url), {workerData: {cpuMs}});
	try {
		return await new Promise<Calibration>((resolve, reject) => {
			worker.once('message', (calibration: Calibration) => {
				resolve(calibration);
			});
			worker.once('error', reject);
			worker.once('exit', code => {
				reject(new Error(`CPU calibration thread exited (code ${code}) without a result`));
			});
		});
	} finally {
		await worker.terminate();
	}
}
