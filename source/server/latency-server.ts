import http from 'node:http';
import type {AddressInfo} from 'node:net';
import type {ServerOptions} from '../config/config.js';
import {mulberry32} from './random.js';

export type LatencyServer = {
	/** Base URL, `http://127.0.0.1:PORT` (no trailing slash). */
	readonly url: string;
	readonly port: number;
	/** Close the listener and every connection; resolves once closed. Safe to call twice. */
	close(): Promise<void>;
	/** Responses sent so far (200s and injected 500s). */
	readonly served: number;
	/** TCP connections accepted so far. */
	readonly connections: number;
};

const HOST = '127.0.0.1';
const BACKLOG = 4096;
const KEEP_ALIVE_MS = 60_000;
const FAILURE_BODY = Buffer.from('injected failure\n');

/** Requests under this path are answered without delay or fault (the client calibration's). */
const NOW_PREFIX = '/now/';
/** Requests under this path wait the mean latency, never fail, and draw nothing (a pilot's, so the run's draws stay the seed's). */
const PILOT_PREFIX = '/pilot/';

/** The delay of one response: latency ± jitter (uniform), never below 0. */
export function drawDelay(latency: number, jitter: number, random: () => number): number {
	const delay = latency + (random() * 2 - 1) * jitter;
	return delay > 0 ? delay : 0;
}

/**
 * The embedded latency server: every request (any path, any method) is
 * answered after `latency` ms ± `jitter`, with `bodyBytes` bytes, or with a
 * 500 for a `failRate` fraction of requests. Draws come from one PRNG seeded
 * by `seed`, two per request (delay, then failure), in arrival order.
 * Listens on 127.0.0.1 only.
 */
export async function startLatencyServer(options: ServerOptions): Promise<LatencyServer> {
	const random = mulberry32(options.seed);
	const body = Buffer.alloc(options.bodyBytes, 'x');
	const okHeaders = {'content-type': 'application/octet-stream', 'content-length': String(body.length)};
	const failHeaders = {'content-type': 'text/plain', 'content-length': String(FAILURE_BODY.length)};
	let served = 0;
	let connections = 0;

	const server = http.createServer(
		{
			keepAlive: true,
			keepAliveTimeout: KEEP_ALIVE_MS,
			// 0 disables both: a client that is slow to read is never cut off.
			requestTimeout: 0,
			headersTimeout: 0,
			connectionsCheckingInterval: 5000,
			noDelay: true,
		},
		(request, response) => {
			// `/now/…` (the client calibration) is answered at once and `/pilot/…` after the mean latency; neither fails or draws.
			const url = request.url ?? '';
			const now = url.startsWith(NOW_PREFIX);
			const pilot = url.startsWith(PILOT_PREFIX);
			const drawn = !now && !pilot;
			const delay = drawn ? drawDelay(options.latency, options.jitter, random) : (pilot ? options.latency : 0);
			const fail = drawn && random() < options.failRate;
			request.resume();
			const timer = setTimeout(() => {
				served++;
				if (fail) {
					response.writeHead(500, failHeaders);
					response.end(FAILURE_BODY);
				} else {
					response.writeHead(200, okHeaders);
					response.end(body);
				}
			}, delay);
			// The sockets keep the process alive while the server is up; a pending
			// answer must not keep it alive after close().
			timer.unref();
		},
	);
	server.keepAliveTimeout = KEEP_ALIVE_MS;
	server.maxRequestsPerSocket = 0;
	server.timeout = 0;
	server.on('connection', () => {
		connections++;
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen({host: HOST, port: options.port, backlog: BACKLOG}, () => {
			server.off('error', reject);
			resolve();
		});
	});

	const {port} = server.address() as AddressInfo;
	let closing: Promise<void> | undefined;
	return {
		url: `http://${HOST}:${port}`,
		port,
		close() {
			closing ??= new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
				server.closeAllConnections();
			});
			return closing;
		},
		get served() {
			return served;
		},
		get connections() {
			return connections;
		},
	};
}
