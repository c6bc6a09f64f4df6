/**
 * The parts of undici a worker uses, loaded one by one: undici's index
 * pulls in fetch, WebSocket, caches, mocks… and costs a worker thread or
 * process several times as long to load as the pool alone. The index also
 * adds `request` to every dispatcher; here that is done for the one method
 * the workload calls (when the index has not done it already).
 *
 * undici's Client also loads its HTTP/2 half (client-h2.js, and with it
 * node:http2, node:tls and node:crypto: about a fifth of a lane process's
 * start-up CPU) although HTTP/2 is only ever spoken to an https origin that
 * picks it by ALPN. Here client-h2.js is loaded on its first use instead:
 * the Client gets a stand-in that loads the real one when a connection
 * turns out to be h2, so what is spoken on the wire does not change.
 */
import {createRequire, Module} from 'node:module';
import type {Agent as UndiciAgent, Dispatcher as UndiciDispatcher, Pool as UndiciPool, interceptors} from 'undici';

const require = createRequire(import.meta.url);

type DispatcherClass = {prototype: {request?: UndiciDispatcher['request']}};
type ConnectH2 = (...args: unknown[]) => unknown;

/** Put a stand-in for undici's client-h2.js in the require cache, unless it is loaded already. */
function deferHttp2(): void {
	const path = require.resolve('undici/lib/dispatcher/client-h2.js');
	if (require.cache[path]) {
		return;
	}

	let real: ConnectH2 | undefined;
	const load = (): ConnectH2 => {
		delete require.cache[path];
		return require(path) as ConnectH2;
	};

	const standIn = new Module(path);
	standIn.filename = path;
	standIn.loaded = true;
	standIn.exports = function connectH2(this: unknown, ...args: unknown[]): unknown {
		real ??= load();
		return real.apply(this, args);
	};
	require.cache[path] = standIn;
}

deferHttp2();

const dispatcher = require('undici/lib/dispatcher/dispatcher.js') as DispatcherClass;
dispatcher.prototype.request ??= require('undici/lib/api/api-request.js') as UndiciDispatcher['request'];

export const Pool = require('undici/lib/dispatcher/pool.js') as typeof UndiciPool;
export const Agent = require('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;
export const redirect = require('undici/lib/interceptor/redirect.js') as typeof interceptors.redirect;
