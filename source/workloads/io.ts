import type {Dispatcher} from 'undici';
import {Agent, Pool, redirect} from './undici-parts.js';
import type {TaskResult, TaskTarget, WorkloadSpec} from './workload.js';

/** A GET's result; `body` only when asked for (mixed work), never kept otherwise. */
export type GetResult = TaskResult & {readonly body?: Buffer};

export type HttpClient = {
	/** GET task `task`'s URL; never throws. */
	get(task: number, keepBody: boolean): Promise<GetResult>;
	/** End every request in flight, and every later one, as cancelled (the pools are destroyed). */
	cancel(): void;
	/** Close every pool (destroying those that do not close within 1 s). */
	close(): Promise<void>;
};

type Location = {readonly origin: string; readonly path: string};

const CLOSE_GRACE_MS = 1000;
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const CANCELLED: GetResult = {outcome: 'cancelled', status: 0, bytes: 0, reason: 'cancelled'};

const failed = (reason: string, status = 0, bytes = 0): GetResult => ({outcome: 'failed', status, bytes, reason});

const locate = (url: string): Location => {
	const parsed = new URL(url);
	return {origin: parsed.origin, path: `${parsed.pathname}${parsed.search}`};
};

/** Task → origin and path, parsing each distinct URL once. */
function createLocator(target: TaskTarget): (task: number) => Location {
	if (target.kind === 'generated') {
		const base = locate(target.baseUrl);
		const prefix = `${base.path.replace(/\/+$/, '')}/r/`;
		return task => ({origin: base.origin, path: `${prefix}${task}`});
	}

	const locations = target.urls.map(url => locate(url));
	return task => locations[task % locations.length]!;
}

/** A short failure reason: the error's code (`ECONNREFUSED`, `UND_ERR_SOCKET` …) or the first words of its message. */
export function reasonOf(error: unknown): string {
	const candidates = [error, (error as {cause?: unknown})?.cause, (error as {errors?: unknown[]})?.errors?.[0]];
	for (const candidate of candidates) {
		const code = (candidate as {code?: unknown})?.code;
		if (typeof code === 'string' && code !== '') {
			return TIMEOUT_CODES.has(code) ? 'timeout' : code;
		}
	}

	const message = error instanceof Error ? error.message : String(error);
	const line = message.split('\n')[0]!.trim();
	return line === '' ? 'error' : line.slice(0, 60);
}

/**
 * HTTP GETs with undici: one Pool per origin with `connections` sockets and
 * no pipelining. Each request has a timeout of `timeout` ms for its headers
 * and again for its body, kept by undici's own timers (reason `timeout`).
 * The body is read, its bytes counted, and dropped.
 *
 * Cancelling is for the whole client (a lane stops all its tasks at once):
 * `cancel()` destroys the pools, which ends every request in flight. No
 * request carries an AbortSignal: undici's abort listener per request costs
 * about a tenth of the client's CPU at thousands of requests a second.
 */
export function createHttpClient(spec: Pick<WorkloadSpec, 'target' | 'timeout' | 'connections'>): HttpClient {
	const locateTask = createLocator(spec.target);
	const pools = new Map<string, Dispatcher>();
	const timeout = spec.timeout;
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
	// origin inside) composed with undici's redirect interceptor.
	const agent = spec.target.kind === 'list'
		? new Agent(options).compose(redirect({maxRedirections: 5}))
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
		async get(task, keepBody) {
			if (cancelled) {
				return CANCELLED;
			}

			const {origin, path} = locateTask(task);
			const counter = {bytes: 0};
			try {
				// undici's own timers bound the wait for headers and then for the body (reason `timeout`).
				const response = await poolFor(origin).request({
					origin,
					path,
					method: 'GET',
					headersTimeout: timeout,
					bodyTimeout: timeout,
				});
				const body = await drain(response.body, keepBody, counter);
				const status = response.statusCode;
				if (status < 200 || status > 299) {
					return failed(`status ${status}`, status, counter.bytes);
				}

				return body ? {outcome: 'completed', status, bytes: counter.bytes, reason: '', body} : {outcome: 'completed', status, bytes: counter.bytes, reason: ''};
			} catch (error) {
				if (cancelled) {
					return {...CANCELLED, bytes: counter.bytes};
				}

				return failed(reasonOf(error), 0, counter.bytes);
			}
		},

		cancel() {
			if (!cancelled) {
				cancelled = true;
				for (const pool of pools.values()) {
					pool.destroy().catch(() => undefined);
				}
			}
		},

		async close() {
			await Promise.all([...pools.values()].map(async pool => closePool(pool)));
			pools.clear();
		},
	};
}

type Body = NodeJS.ReadableStream & {destroy?: (error?: Error) => void};

async function drain(body: Body, keep: boolean, counter: {bytes: number}): Promise<Buffer | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] | undefined = keep ? [] : undefined;
		body.on('data', (chunk: Buffer) => {
			counter.bytes += chunk.length;
			chunks?.push(chunk);
		});
		body.once('end', () => {
			resolve(chunks ? Buffer.concat(chunks, counter.bytes) : undefined);
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
