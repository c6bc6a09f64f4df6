import type {EventEmitter} from 'node:events';
import type {LookupFunction} from 'node:net';
import type {Dispatcher} from 'undici';
import {collectMinor} from './collect.js';
import {seedFromBytes} from './cpu.js';
import {createDeadlines} from './deadlines.js';
import {createLookupCache} from './lookup-cache.js';
import {reasonOf, statusReason, type Phase} from './reasons.js';
import {Agent, Pool, redirect} from './undici-parts.js';
import type {TaskResult, TaskTarget, WorkloadSpec} from './workload.js';

export {reasonOf} from './reasons.js';

/** A GET's result; `seed` (the body's FNV-1a, hashed as it streams) only when asked for (mixed work). No body is ever kept. */
export type GetResult = TaskResult & {readonly seed?: number};

export type HttpClient = {
	/** GET task `task`'s URL (`url` when the target is 'granted'); never throws. `seedBody`: hash the body for mixed work. */
	get(task: number, seedBody: boolean, url?: string): Promise<GetResult>;
	/** End every request in flight, and every later one, as cancelled (the pools are destroyed). */
	cancel(): void;
	/** Close every pool (destroying those that do not close within 1 s). */
	close(): Promise<void>;
};

type Location = {readonly origin: string; readonly path: string};

const CLOSE_GRACE_MS = 1000;
const CANCELLED: GetResult = {outcome: 'cancelled', status: 0, bytes: 0, reason: 'cancelled'};

const failed = (reason: string, status = 0, bytes = 0): GetResult => ({outcome: 'failed', status, bytes, reason});

const locate = (url: string): Location => {
	const parsed = new URL(url);
	return {origin: parsed.origin, path: `${parsed.pathname}${parsed.search}`};
};

const locateUrl = (url: string): Location | undefined => {
	try {
		return locate(url);
	} catch {
		return undefined;
	}
};

/** Task → origin and path, parsing each distinct URL once. */
function createLocator(target: TaskTarget): (task: number) => Location {
	if (target.kind === 'generated') {
		const base = locate(target.baseUrl);
		const prefix = `${base.path.replace(/\/+$/, '')}/r/`;
		return task => ({origin: base.origin, path: `${prefix}${task}`});
	}

	if (target.kind === 'granted') {
		return () => {
			throw new Error('a granted target needs each task\'s URL');
		};
	}

	const locations = target.urls.map(url => locate(url));
	return task => locations[task % locations.length]!;
}

/**
 * HTTP GETs with undici: one Pool per origin with `connections` sockets and
 * no pipelining. Each request has one deadline, `timeout` ms for the whole
 * of it (connect, headers and body, see deadlines.ts): a server that drips
 * its body byte by byte cannot keep a task alive (reason `timeout`). The body
 * is read, its bytes counted (and hashed for mixed work), and dropped, so a
 * 256 MB body costs no memory. Failures read as words (reasons.ts).
 *
 * Cancelling is for the whole client (a lane stops all its tasks at once):
 * `cancel()` destroys the pools, which ends every request in flight. No
 * request carries an AbortSignal: undici's abort listener per request costs
 * about a tenth of the client's CPU at thousands of requests a second (the
 * deadline is a cheaper signal of our own).
 *
 * `resolver.lookup` stands in for the system's DNS lookup (tests); either
 * way a --urls host's failed lookup is kept a while (lookup-cache.ts).
 */
export function createHttpClient(spec: Pick<WorkloadSpec, 'target' | 'timeout' | 'connections'>, resolver: {lookup?: LookupFunction} = {}): HttpClient {
	const locateTask = createLocator(spec.target);
	const pools = new Map<string, Dispatcher>();
	const timeout = spec.timeout;
	const deadlines = createDeadlines(timeout);
	let cancelled = false;

	const options = {
		connections: spec.connections,
		pipelining: 1,
		headersTimeout: timeout,
		bodyTimeout: timeout,
		connectTimeout: timeout,
	};
	// Real URLs (--urls) follow redirects, as requests.get does in the talk;
	// a redirect may change origin, so they go through an Agent (a Pool per
	// origin inside) composed with undici's redirect interceptor. Their hosts
	// are looked up through a cache of failed lookups (lookup-cache.ts).
	const agent = spec.target.kind !== 'generated'
		? new Agent({...options, connect: {lookup: createLookupCache({lookup: resolver.lookup})}}).compose(redirect({maxRedirections: 5}))
		: undefined;
	const poolFor = (origin: string): Dispatcher => {
		let pool = pools.get(origin);
		if (!pool) {
			pool = agent ?? new Pool(origin, options);
			pools.set(agent ? 'agent' : origin, pool);
		}

		return pool;
	};

	return {
		async get(task, seedBody, url) {
			if (cancelled) {
				return CANCELLED;
			}

			const where = url === undefined ? locateTask(task) : locateUrl(url);
			if (!where) {
				return failed('URL file unreadable');
			}

			const {origin, path} = where;
			const counter = {bytes: 0, seed: seedBody ? seedFromBytes(new Uint8Array(0)) : Number.NaN};
			const deadline = deadlines.start();
			let phase: Phase = 'response';
			try {
				const response = await poolFor(origin).request({
					origin,
					path,
					method: 'GET',
					headersTimeout: timeout,
					bodyTimeout: timeout,
					// undici takes it for an EventEmitter (see deadlines.ts).
					signal: deadline as unknown as EventEmitter,
				});
				phase = 'body';
				await drain(response.body, counter);
				const status = response.statusCode;
				if (status < 200 || status > 299) {
					return failed(statusReason(status, agent !== undefined), status, counter.bytes);
				}

				return seedBody ? {outcome: 'completed', status, bytes: counter.bytes, reason: '', seed: counter.seed} : {outcome: 'completed', status, bytes: counter.bytes, reason: ''};
			} catch (error) {
				if (cancelled) {
					return {...CANCELLED, bytes: counter.bytes};
				}

				return failed(reasonOf(deadline.reason ?? error, phase), 0, counter.bytes);
			} finally {
				deadlines.end(deadline);
			}
		},

		cancel() {
			if (!cancelled) {
				cancelled = true;
				deadlines.close();
				for (const pool of pools.values()) {
					pool.destroy().catch(() => undefined);
				}
			}
		},

		async close() {
			deadlines.close();
			await Promise.all([...pools.values()].map(async pool => closePool(pool)));
			pools.clear();
		},
	};
}

type Body = NodeJS.ReadableStream & {destroy?: (error?: Error) => void};

/**
 * Body bytes read between two collections of the lane's read buffers. V8
 * frees a socket's read buffers lazily: reading a body of hundreds of MB at
 * loopback speed left ~130 MB of them per lane process before they were
 * collected. Only lane processes collect (collect.ts); elsewhere (a worker
 * thread of the UI's process) nothing is done.
 */
const COLLECT_EVERY_BYTES = 32 * 1024 * 1024;
let readSinceCollect = 0;

function counted(bytes: number): void {
	readSinceCollect += bytes;
	if (readSinceCollect >= COLLECT_EVERY_BYTES) {
		readSinceCollect = 0;
		collectMinor();
	}
}

async function drain(body: Body, counter: {bytes: number; seed: number}): Promise<void> {
	const hashing = !Number.isNaN(counter.seed);
	return new Promise((resolve, reject) => {
		body.on('data', (chunk: Buffer) => {
			counter.bytes += chunk.length;
			counted(chunk.length);
			if (hashing) {
				counter.seed = seedFromBytes(chunk, counter.seed);
			}
		});
		body.once('end', () => {
			resolve();
		});
		body.once('error', reject);
	});
}

async function closePool(pool: Dispatcher): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	const closed = await Promise.race([
		pool.close().then(() => true, () => true),
		new Promise<boolean>(resolve => {
			timer = setTimeout(() => resolve(false), CLOSE_GRACE_MS);
		}),
	]);
	clearTimeout(timer);
	if (!closed) {
		await pool.destroy().catch(() => undefined);
	}
}
