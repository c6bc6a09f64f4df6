import {firstMessageOf} from '../workloads/off-thread.js';
import type {ClientCost} from '../model/client-cost.js';

export type {ClientCost} from '../model/client-cost.js';

/** A calibration takes under a second; past this (a stopped or wedged server) the run goes on without its figures. */
const CLIENT_CALIBRATION_DEADLINE_MS = 10_000;

/** Connections a calibration opens at once, and rounds of requests on them. */
const CONNECTIONS = 100;
const ROUNDS = 10;

/**
 * Measure what a request costs before a run (docs/architecture.md, "The
 * model"): in a one-off worker thread, real loop lanes send requests that
 * the embedded server answers at once (`/now/…`): one of 1,100 to warm this
 * thread's JIT and the server's, then three pairs: one of 100 on new
 * connections and one of 1,100 on the same number (each figure is the
 * median of the three). The CPU of this process's threads but the main
 * one (the lane's and V8's helpers') is read to the nanosecond where Linux
 * offers it: the difference of the last two gives c on an open connection
 * and their wall times ℓ, the first lane c₀; the server's CPU per request
 * comes from /proc, the main thread's m from folding the lane's events.
 * About 4,800 requests, under a second.
 */
export const calibrateClient = async (baseUrl: string, serverPid: number, deadlineMs = CLIENT_CALIBRATION_DEADLINE_MS): Promise<ClientCost> =>
	firstMessageOf<ClientCost>(
		new URL('calibrate-client.worker.js', import.meta.url),
		{baseUrl, serverPid, connections: CONNECTIONS, rounds: ROUNDS},
		'the client calibration',
		deadlineMs,
	);
