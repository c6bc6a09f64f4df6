import {after} from 'node:test';
import type {ServerOptions} from '../../source/config/config.js';
import {startLatencyServer, type LatencyServer} from '../../source/server/latency-server.js';

export const TEST_SERVER_DEFAULTS: ServerOptions = {
	port: 0,
	latency: 20,
	jitter: 0,
	failRate: 0,
	bodyBytes: 1024,
	seed: 1,
};

/** An in-process latency server on 127.0.0.1, a free port, closed after the test file. */
export async function withServer(options: Partial<ServerOptions> = {}): Promise<LatencyServer> {
	const server = await startLatencyServer({...TEST_SERVER_DEFAULTS, ...options});
	after(async () => server.close());
	return server;
}
