/**
 * The parts of undici a worker uses, loaded one by one: undici's index
 * pulls in fetch, WebSocket, caches, mocks… and costs a worker thread or
 * process several times as long to load as the pool alone. The index also
 * adds `request` to every dispatcher; here that is done for the one method
 * the workload calls (when the index has not done it already).
 */
import {createRequire} from 'node:module';
import type {Agent as UndiciAgent, Dispatcher as UndiciDispatcher, Pool as UndiciPool, interceptors} from 'undici';

const require = createRequire(import.meta.url);

type DispatcherClass = {prototype: {request?: UndiciDispatcher['request']}};

const dispatcher = require('undici/lib/dispatcher/dispatcher.js') as DispatcherClass;
dispatcher.prototype.request ??= require('undici/lib/api/api-request.js') as UndiciDispatcher['request'];

export const Pool = require('undici/lib/dispatcher/pool.js') as typeof UndiciPool;
export const Agent = require('undici/lib/dispatcher/agent.js') as typeof UndiciAgent;
export const redirect = require('undici/lib/interceptor/redirect.js') as typeof interceptors.redirect;
