import assert from 'node:assert/strict';
import type {LookupAddress} from 'node:dns';
import type {LookupFunction} from 'node:net';
import {test} from 'node:test';
import {createLookupCache} from '../../source/workloads/lookup-cache.js';

type Call = {hostname: string; answer(error: NodeJS.ErrnoException | null, address?: string | LookupAddress[], family?: number): void};

/** A resolver that answers only when told (no real DNS is ever asked). */
function fakeResolver(): {lookup: LookupFunction; calls: Call[]} {
	const calls: Call[] = [];
	const lookup = ((hostname: string, _options: unknown, callback: Call['answer']) => {
		calls.push({hostname, answer: callback});
	}) as unknown as LookupFunction;
	return {lookup, calls};
}

const notFound = (hostname: string): NodeJS.ErrnoException =>
	Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND', errno: -3008, syscall: 'getaddrinfo', hostname});

/** Look `hostname` up; resolves with what the callback was given. */
const ask = async (lookup: LookupFunction, hostname: string, all = true): Promise<unknown[]> =>
	new Promise(resolve => {
		lookup(hostname, {all}, (...args: unknown[]) => resolve(args));
	});

test('lookups of a host under way are shared: one question to the resolver, every caller answered', async () => {
	const resolver = fakeResolver();
	const lookup = createLookupCache({lookup: resolver.lookup});
	const answers = Promise.all([ask(lookup, 'a.test'), ask(lookup, 'a.test'), ask(lookup, 'a.test')]);
	assert.equal(resolver.calls.length, 1);
	resolver.calls[0]!.answer(null, [{address: '127.0.0.1', family: 4}]);
	assert.deepEqual(await answers, Array.from({length: 3}, () => [null, [{address: '127.0.0.1', family: 4}]]));
	// An answer is not kept: the next connection asks again.
	const again = ask(lookup, 'a.test', false);
	assert.equal(resolver.calls.length, 2);
	resolver.calls[1]!.answer(null, '127.0.0.1', 4);
	assert.deepEqual(await again, [null, '127.0.0.1', 4]);
});

test('a host whose lookup failed fails at once for the while set, each caller with an error of its own; then it is asked again', async () => {
	const resolver = fakeResolver();
	let clock = 0;
	const lookup = createLookupCache({lookup: resolver.lookup, failedMs: 20_000, now: () => clock});
	const first = Promise.all([ask(lookup, 'no-such-host.invalid'), ask(lookup, 'no-such-host.invalid')]);
	resolver.calls[0]!.answer(notFound('no-such-host.invalid'));
	const shared = await first;
	clock = 19_999;
	const cached = await Promise.all(Array.from({length: 400}, async () => ask(lookup, 'no-such-host.invalid')));
	assert.equal(resolver.calls.length, 1);
	const errors = [...shared, ...cached].map(([error]) => error as NodeJS.ErrnoException);
	assert.ok(errors.every(error => error.code === 'ENOTFOUND' && error.message === 'getaddrinfo ENOTFOUND no-such-host.invalid'));
	assert.equal(new Set(errors).size, errors.length);
	// Another host is not held back by this one's failure.
	void ask(lookup, 'b.test');
	assert.deepEqual(resolver.calls.map(call => call.hostname), ['no-such-host.invalid', 'b.test']);
	clock = 20_000;
	void ask(lookup, 'no-such-host.invalid');
	assert.equal(resolver.calls.length, 3);
});
