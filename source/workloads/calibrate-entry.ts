/** Worker-thread entry of calibrateOffThread(): calibrates once, posts the Calibration, ends. */
import {parentPort, workerData} from 'node:worker_threads';
import calibrate from './calibrate.worker.js';

parentPort?.postMessage(calibrate(workerData as {cpuMs: number}));
