import {Worker} from 'node:worker_threads';
import type {ClientCost} from './client-cost.js';

export type {ClientCost} from './client-cost.js';

/** Connections a calibration opens at once, and rounds of requests on them. */
const CONNECTIONS = 100;
const ROUNDS = 10;

/**
 * Measure the client's CPU per request before a run (docs/architecture.md, "The
 * model"): in a one-off worker thread, real loop lanes send requests
 * that the embedded server answers at once (`/now/…`), a lane of 100 on
 * new connections and one of 1,100 on the same number, and the CPU of the
 * lane's thread is read to the nanosecond where Linux offers it. The
 * difference gives the cost on an open connection, the first lane the cost
 * of opening one. The server's CPU per request is read from /proc. About
 * 1,300 requests, a few hundred ms.
 */
export async function calibrateClient(baseUrl: string, serverPid: number): Promise<ClientCost> {
	const worker = new Worker(new URL('calibrate-client.worker.js', import.meta.url), {
		workerData: {baseUrl, serverPid, connections: CONNECTIONS, rounds: ROUNDS},
	});
	try {
		return await new Promise<ClientCost>((resolve, reject) => {
			worker.once('message', (cost: ClientCost) => {
				resolve(cost);
			});
			worker.once('error', reject);
			worker.once('exit', code => {
				reject(new Error(`client calibration thread exited (code ${code}) without a result`));
			});
		});
	} finally {
		await worker.terminate();
	}
}
