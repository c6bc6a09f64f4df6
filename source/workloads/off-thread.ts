import {Worker} from 'node:worker_threads';

/**
 * Run a one-off worker thread (the main thread belongs to the UI and never
 * runs a measurement) until its first message, then end it.
 */
export async function firstMessageOf<T>(file: URL, workerData: unknown, what: string): Promise<T> {
	const worker = new Worker(file, {workerData});
	try {
		return await new Promise<T>((resolve, reject) => {
			worker.once('message', (value: T) => {
				resolve(value);
			});
			worker.once('error', reject);
			worker.once('exit', code => {
				reject(new Error(`${what} thread exited (code ${code}) without a result`));
			});
		});
	} finally {
		await worker.terminate();
	}
}
