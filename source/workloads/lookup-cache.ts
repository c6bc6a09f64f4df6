import {lookup as dnsLookup} from 'node:dns';
import type {LookupFunction} from 'node:net';

/**
 * How long a host whose lookup failed fails its next requests at once:
 * as long as nscd keeps a failed host by default. Offline, every request of
 * a --urls run would otherwise wait for a lookup of its own (400 requests to
 * the talk's four shops took 1 min 16 s to fail); with it the run ends in
 * seconds, each request `DNS lookup failed`.
 */
const FAILED_LOOKUP_MS = 20_000;

type Callback = (...args: unknown[]) => void;

/** The error of a failed lookup, anew for each request it fails (net adds to the error it is given). */
const copyOf = (error: NodeJS.ErrnoException): NodeJS.ErrnoException =>
	Object.assign(new Error(error.message), {code: error.code, errno: error.errno, syscall: error.syscall, hostname: (error as {hostname?: string}).hostname});

/**
 * A `lookup` for net.connect (undici passes its connect options on): lookups
 * of a host already under way are shared, and a host whose lookup failed
 * fails again at once for `failedMs`, without asking the resolver. Answers
 * are not kept: a host that resolves is looked up again by its next
 * connection, as without this cache.
 */
export function createLookupCache(options: {lookup?: LookupFunction; failedMs?: number; now?: () => number} = {}): LookupFunction {
	const lookup = options.lookup ?? (dnsLookup as LookupFunction);
	const failedMs = options.failedMs ?? FAILED_LOOKUP_MS;
	const now = options.now ?? (() => performance.now());
	const failed = new Map<string, {error: NodeJS.ErrnoException; until: number}>();
	const pending = new Map<string, Callback[]>();
	return (hostname, lookupOptions, callback) => {
		const known = failed.get(hostname);
		if (known && now() < known.until) {
			process.nextTick(callback, copyOf(known.error));
			return;
		}

		failed.delete(hostname);
		const key = `${hostname}\u0000${lookupOptions.family ?? 0}\u0000${lookupOptions.all === true}\u0000${lookupOptions.hints ?? 0}`;
		const waiting = pending.get(key);
		if (waiting) {
			waiting.push(callback as Callback);
			return;
		}

		const callbacks = [callback as Callback];
		pending.set(key, callbacks);
		lookup(hostname, lookupOptions, (error, ...answer) => {
			pending.delete(key);
			if (error) {
				failed.set(hostname, {error, until: now() + failedMs});
			}

			for (const [i, each] of callbacks.entries()) {
				if (error) {
					each(i === 0 ? error : copyOf(error));
				} else {
					each(null, ...answer);
				}
			}
		});
	};
}
