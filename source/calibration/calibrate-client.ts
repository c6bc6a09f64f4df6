import {firstMessageOf} from '../workloads/off-thread.js';
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
export const calibrateClient = async (baseUrl: string, serverPid: number): Promise<ClientCost> =>
	firstMessageOf<ClientCost>(
		new URL('calibrate-client.worker.js', import.meta.url),
		{baseUrl, serverPid, connections: CONNECTIONS, rounds: ROUNDS},
		'client calibration',
	);
