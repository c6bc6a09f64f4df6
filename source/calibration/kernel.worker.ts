/** The CPU kernel's calibration, in a one-off worker thread (calibrateOffThread()): calibrates once, posts the Calibration, ends. */
import {parentPort, workerData} from 'node:worker_threads';
import {calibrateCpu} from '../workloads/cpu.js';

parentPort?.postMessage(calibrateCpu((workerData as {cpuMs: number}).cpuMs));
