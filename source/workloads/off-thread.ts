import {Worker} from 'node:worker_threads';

/** A one-off measurement that did not answer within its deadline (its thread is ended). */
export class DeadlineError extends Error {
	readonly deadlineMs: number;

	constructor(what: string, deadlineMs: number) {
		super(`${what} did not finish within ${deadlineMs / 1000} s`);
		this.name = 'DeadlineError';
		this.deadlineMs = deadlineMs;
	}
}

/**
 * Run a one-off worker thread (the main thread belongs to the UI and never
 * runs a measurement) until its first message, then end it. Past
 * `deadlineMs` it is ended and this rejects with a DeadlineError (a stopped
 * server must not hold a run up for ever).
 */
export async function firstMessageOf<T>(file: URL, workerData: unknown, what: string, deadlineMs = Number.POSITIVE_INFINITY): Promise<T> {
	const worker = new Worker(file, {workerData});
	let timer: NodeJS.Timeout | undefined;
	try {
		return await new Promise<T>((resolve, reject) => {
			worker.once('message', (value: T) => {
				resolve(value);
			});
			worker.once('error', reject);
			worker.once('exit', code => {
				reject(new Error(`${what} thread exited (code ${code}) without a result`));
			});
			if (Number.isFinite(deadlineMs)) {
				timer = setTimeout(() => {
					reject(new DeadlineError(what, deadlineMs));
				}, deadlineMs);
			}
		});
	} finally {
		clearTimeout(timer);
		await worker.terminate();
	}
}
