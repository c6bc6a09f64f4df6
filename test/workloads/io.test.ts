import {test} from 'node:test';
import {after} from 'node:test';
import {createServer} from 'node:http';
import type {AddressInfo, LookupFunction} from 'node:net';
import assert from 'node:assert/strict';
import {request} from 'undici';
import {seedFromBytes} from '../../source/workloads/cpu.js';
import {createHttpClient} from '../../source/workloads/io.js';
import {withHostileServer} from '../helpers/hostile-server.js';
import {startLatencyServer} from '../../source/server/latency-server.js';
import {TEST_SERVER_DEFAULTS, withServer} from '../helpers/server.js';

const spec = (baseUrl: string, timeout = 5000, connections = 1) => ({
	target: {kind: 'generated', baseUrl} as const,
	timeout,
	connections,
});

test('GET completes with status 200 and bytes == bodyBytes, the body not kept', async () => {
	const server = await withServer({bodyBytes: 2048});
	const client = createHttpClient(spec(server.url));
	try {
		const result = await client.get(1, false);
		assert.deepEqual(result, {outcome: 'completed', status: 200, bytes: 2048, reason: ''});
	} finally {
		await client.close();
	}
});

test('GET hashes the body as it streams when asked, and keeps none of it', async () => {
	const server = await withServer({bodyBytes: 100, latency: 0});
	const client = createHttpClient(spec(server.url));
	try {
		const result = await client.get(1, true);
		const body = Buffer.from(await (await request(`${server.url}/r/1`)).body.arrayBuffer());
		assert.equal(result.outcome, 'completed');
		assert.equal(result.bytes, 100);
		assert.equal(result.seed, seedFromBytes(body));
		assert.equal('body' in result, false);
	} finally {
		await client.close();
	}
});

test('one pool per origin: many tasks over `connections` sockets', async () => {
	const server = await withServer({latency: 10});
	const client = createHttpClient(spec(server.url, 5000, 4));
	try {
		const results = await Promise.all(Array.from({length: 40}, async (_, task) => client.get(task, false)));
		assert.ok(results.every(r => r.outcome === 'completed' && r.status === 200));
		assert.equal(server.served, 40);
		assert.equal(server.connections, 4);
	} finally {
		await client.close();
	}
});

test('a list target sends each task to urls[task % length]', async () => {
	const a = await withServer({latency: 0, bodyBytes: 1});
	const b = await withServer({latency: 0, bodyBytes: 2});
	const client = createHttpClient({target: {kind: 'list', urls: [`${a.url}/x?y=1`, `${b.url}/`]}, timeout: 5000, connections: 1});
	try {
		const bytes = [];
		for (let task = 0; task < 5; task++) {
			bytes.push((await client.get(task, false)).bytes);
		}

		assert.deepEqual(bytes, [1, 2, 1, 2, 1]);
		assert.equal(a.served, 3);
		assert.equal(b.served, 2);
	} finally {
		await client.close();
	}
});

test('a 500 is failed with reason `status 500`', async () => {
	const server = await withServer({failRate: 1, latency: 0});
	const client = createHttpClient(spec(server.url));
	try {
		const result = await client.get(1, false);
		assert.equal(result.outcome, 'failed');
		assert.equal(result.status, 500);
		assert.equal(result.reason, 'status 500');
	} finally {
		await client.close();
	}
});

test('a closed port is failed with reason connection refused (ECONNREFUSED)', async () => {
	const server = await startLatencyServer({...TEST_SERVER_DEFAULTS});
	await server.close();
	const client = createHttpClient(spec(server.url));
	try {
		const result = await client.get(1, false);
		assert.deepEqual(result, {outcome: 'failed', status: 0, bytes: 0, reason: 'connection refused (ECONNREFUSED)'});
	} finally {
		await client.close();
	}
});

test('latency above the timeout is failed with reason `timeout`', async () => {
	const server = await withServer({latency: 1000});
	const client = createHttpClient(spec(server.url, 50));
	try {
		const result = await client.get(1, false);
		assert.deepEqual(result, {outcome: 'failed', status: 0, bytes: 0, reason: 'timeout'});
	} finally {
		await client.close();
	}
});

test('cancel() ends every request in flight, and every later one, as cancelled', async () => {
	const server = await withServer({latency: 1000});
	const client = createHttpClient(spec(server.url, 5000, 20));
	try {
		const pending = Array.from({length: 20}, async (_, task) => client.get(task, false));
		setTimeout(() => client.cancel(), 30);
		const results = await Promise.all(pending);
		assert.ok(results.every(r => r.outcome === 'cancelled' && r.reason === 'cancelled'), JSON.stringify(results[0]));
		assert.deepEqual(await client.get(21, false), {outcome: 'cancelled', status: 0, bytes: 0, reason: 'cancelled'});
	} finally {
		await client.close();
	}
});

test('the deadline bounds the whole request: a body dripped a byte every 500 ms ends at --timeout', async () => {
	const hostile = await withHostileServer();
	// 1,000 bytes a byte every 500 ms would take 500 s: ending near the deadline shows the deadline, not the drip, ended it.
	const client = createHttpClient({target: {kind: 'list', urls: [hostile.url('drip'), hostile.url('hang')]}, timeout: 1500, connections: 2});
	try {
		const started = performance.now();
		const results = await Promise.all([client.get(0, false), client.get(1, false)]);
		const elapsed = performance.now() - started;
		assert.deepEqual(results.map(r => r.reason), ['timeout', 'timeout']);
		assert.ok(results[0]!.bytes >= 1, 'the drip had begun');
		assert.ok(elapsed >= 1490 && elapsed < 10_000, `${elapsed} ms`);
	} finally {
		await client.close();
	}
});

test('a list target follows redirects, also to another origin', async () => {
	const target = await withServer({bodyBytes: 64});
	const redirector = createServer((_request, response) => {
		response.writeHead(302, {location: `${target.url}/moved`}).end();
	});
	await new Promise<void>((resolve) => {
		redirector.listen(0, '127.0.0.1', resolve);
	});
	after(() => redirector.close());
	const {port} = redirector.address() as AddressInfo;
	const client = createHttpClient({target: {kind: 'list', urls: [`http://127.0.0.1:${port}/start`]}, timeout: 5000, connections: 1});
	after(() => client.close());
	const result = await client.get(0, false);
	assert.equal(result.outcome, 'completed');
	assert.equal(result.status, 200);
	assert.equal(result.bytes, 64);
});

test('a --urls host whose lookup failed fails its next requests at once: 400 requests, one lookup, each `DNS lookup failed`', async () => {
	let lookups = 0;
	// No real resolver is asked: the lookup is injected, and fails as an offline machine's does.
	const lookup = ((hostname: string, _options: unknown, callback: (error: NodeJS.ErrnoException) => void) => {
		lookups++;
		setTimeout(() => callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname})), 50);
	}) as unknown as LookupFunction;
	const client = createHttpClient({target: {kind: 'list', urls: ['http://no-such-host.invalid/']}, timeout: 5000, connections: 25}, {lookup});
	try {
		const reasons: string[] = [];
		for (let batch = 0; batch < 16; batch++) {
			const results = await Promise.all(Array.from({length: 25}, async (_, i) => client.get(batch * 25 + i, false)));
			reasons.push(...results.map(r => r.reason));
		}

		assert.equal(reasons.length, 400);
		assert.ok(reasons.every(reason => reason === 'DNS lookup failed (ENOTFOUND)'), reasons[0]);
		assert.equal(lookups, 1);
	} finally {
		await client.close();
	}
});

test('a --urls host is reached at the address its lookup gives', async () => {
	const server = await withServer({latency: 0, bodyBytes: 3});
	const hosts: string[] = [];
	const lookup = ((hostname: string, options: {all?: boolean}, callback: (...args: unknown[]) => void) => {
		hosts.push(hostname);
		setImmediate(() => options.all ? callback(null, [{address: '127.0.0.1', family: 4}]) : callback(null, '127.0.0.1', 4));
	}) as unknown as LookupFunction;
	const port = new URL(server.url).port;
	const client = createHttpClient({target: {kind: 'list', urls: [`http://concviz.test:${port}/r/1`]}, timeout: 5000, connections: 1}, {lookup});
	try {
		assert.deepEqual(await client.get(0, false), {outcome: 'completed', status: 200, bytes: 3, reason: ''});
		assert.deepEqual(hosts, ['concviz.test']);
	} finally {
		await client.close();
	}
});
