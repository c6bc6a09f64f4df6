/** What one request costs the client (and the embedded server) in CPU, measured before a run. */
export type ClientCost = {
	/** CPU of one request on an open connection, in the lane's thread and the V8 helper threads that collect its garbage, ms. */
	readonly requestMs: number;
	/** CPU of a first request, which also opens its connection, ms. */
	readonly connectMs: number;
	/** The embedded server's CPU per request, ms (0 when it could not be read). */
	readonly serverMs: number;
	/** The main thread's CPU per request to decode and fold the lane's events, ms. */
	readonly mainMs: number;
	/** Wall time per request of a loop kept busy, ms: its CPU and the pauses it waits through (garbage collection, the scheduler). */
	readonly loopMs: number;
	/** Connections opened at once, and requests on open connections, that the figures come from. */
	readonly connections: number;
	readonly requests: number;
};
