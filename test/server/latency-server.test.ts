import {test} from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import {Pool, request} from 'undici';
import {startLatencyServer, drawDelay} from '../../source/server/latency-server.js';
import {mulberry32} from '../../source/server/random.js';
import {TEST_SERVER_DEFAULTS, withServer} from '../helpers/server.js';

async function statuses(url: string, count: number): Promise<number[]> {
	const pool = new Pool(url, {connections: 1});
	const seen: number[] = [];
	for (let i = 0; i < count; i++) {
		const response = await pool.request({path: `/r/${i}`, method: 'GET'});
		await response.body.dump();
		seen.push(response.statusCode);
	}

	await pool.close();
	return seen;
}

test('answers after at least `latency` ms with a body of bodyBytes bytes', async () => {
	const server = await withServer({latency: 40, bodyBytes: 3000});
	assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
	assert.equal(server.url, `http://127.0.0.1:${server.port}`);
	const started = performance.now();
	const response = await request(`${server.url}/r/7`);
	const body = Buffer.from(await response.body.arrayBuffer());
	const elapsed = performance.now() - started;
	assert.equal(response.statusCode, 200);
	assert.equal(response.headers['content-length'], '3000');
	assert.equal(body.length, 3000);
	// Timers fire on the loop's cached clock: allow 1 ms of rounding.
	assert.ok(elapsed >= 39, `answered after ${elapsed} ms`);
	assert.equal(server.served, 1);
});

test('any path and method answers the same way', async () => {
	const server = await withServer({latency: 0, bodyBytes: 10});
	for (const [path, method] of [['/', 'GET'], ['/anything/else?x=1', 'POST'], ['/r/1', 'HEAD']] as const) {
		const response = await request(`${server.url}${path}`, {method, body: method === 'POST' ? 'payload' : undefined});
		const body = await response.body.text();
		assert.equal(response.statusCode, 200, `${method} ${path}`);
		assert.equal(response.headers['content-length'], '10');
		assert.equal(body.length, method === 'HEAD' ? 0 : 10);
	}
});

test('failRate 0.5 answers some 500s and some 200s, the same ones for the same seed', async () => {
	const options = {...TEST_SERVER_DEFAULTS, latency: 0, failRate: 0.5, seed: 42};
	const first = await startLatencyServer(options);
	const second = await startLatencyServer(options);
	const other = await startLatencyServer({...options, seed: 43});
	try {
		const a = await statuses(first.url, 40);
		const b = await statuses(second.url, 40);
		const c = await statuses(other.url, 40);
		assert.ok(a.includes(500) && a.includes(200), `statuses: ${a.join(' ')}`);
		assert.ok(a.every(status => status === 200 || status === 500));
		assert.deepEqual(b, a);
		assert.notDeepEqual(c, a);
		assert.equal(first.served, 40);
	} finally {
		await Promise.all([first.close(), second.close(), other.close()]);
	}
});

test('failRate 0 never fails and failRate 1 always does', async () => {
	const none = await withServer({latency: 0, failRate: 0});
	const all = await withServer({latency: 0, failRate: 1});
	assert.deepEqual(await statuses(none.url, 10), Array.from({length: 10}, () => 200));
	assert.deepEqual(await statuses(all.url, 10), Array.from({length: 10}, () => 500));
});

test('keep-alive: sequential requests reuse one connection', async () => {
	const server = await withServer({latency: 0});
	assert.deepEqual(await statuses(server.url, 10), Array.from({length: 10}, () => 200));
	assert.equal(server.connections, 1);
	assert.equal(server.served, 10);
});

test('many connections at once are all accepted and answered', async () => {
	const server = await withServer({latency: 50, bodyBytes: 16});
	const pool = new Pool(server.url, {connections: 200});
	try {
		const responses = await Promise.all(Array.from({length: 200}, async (_, i) => {
			const response = await pool.request({path: `/r/${i}`, method: 'GET'});
			return {status: response.statusCode, bytes: (await response.body.arrayBuffer()).byteLength};
		}));
		assert.ok(responses.every(r => r.status === 200 && r.bytes === 16));
		assert.equal(server.connections, 200);
	} finally {
		await pool.close();
	}
});

test('listens on 127.0.0.1 only', {skip: process.platform !== 'linux' && 'other loopback addresses need Linux'}, async () => {
	const server = await withServer({latency: 0});
	// All of 127/8 is loopback on Linux: a server on 0.0.0.0 would accept here.
	const error = await new Promise<NodeJS.ErrnoException | undefined>(resolve => {
		const socket = net.connect({host: '127.0.0.2', port: server.port});
		socket.once('connect', () => {
			socket.destroy();
			resolve(undefined);
		});
		socket.once('error', resolve);
	});
	assert.equal(error?.code, 'ECONNREFUSED');
});

test('close() ends open keep-alive connections and is safe to call twice', async () => {
	const server = await startLatencyServer({...TEST_SERVER_DEFAULTS, latency: 0});
	const pool = new Pool(server.url, {connections: 1});
	const response = await pool.request({path: '/', method: 'GET'});
	await response.body.dump();
	await Promise.all([server.close(), server.close()]);
	await server.close();
	await assert.rejects(pool.request({path: '/', method: 'GET'}), {code: 'ECONNREFUSED'});
	await pool.destroy();
});

test('jitter draws stay within latency ± jitter and never below 0', () => {
	const random = mulberry32(5);
	const draws = Array.from({length: 1000}, () => drawDelay(10, 4, random));
	assert.ok(draws.every(d => d >= 6 && d <= 14));
	assert.ok(new Set(draws).size > 900);
	const clamped = Array.from({length: 1000}, () => drawDelay(2, 10, random));
	assert.ok(clamped.every(d => d >= 0 && d <= 12));
	assert.ok(clamped.includes(0));
});

test('mulberry32 repeats for a seed and stays in [0, 1)', () => {
	const a = mulberry32(123);
	const b = mulberry32(123);
	const xs = Array.from({length: 100}, () => a());
	assert.deepEqual(Array.from({length: 100}, () => b()), xs);
	assert.ok(xs.every(x => x >= 0 && x < 1));
});

test('/now/… (the client calibration) is answered at once and never fails, before slower requests sent earlier', async () => {
	const server = await withServer({latency: 400, failRate: 1, bodyBytes: 10});
	const order: string[] = [];
	const get = async (path: string): Promise<void> => {
		const response = await request(`${server.url}${path}`);
		await response.body.dump();
		order.push(`${path} ${response.statusCode}`);
	};

	const slow = get('/r/1');
	await get('/now/r/1');
	await slow;
	assert.deepEqual(order, ['/now/r/1 200', '/r/1 500']);
});

test('/pilot/… waits the mean latency, never fails, and draws nothing: the run\'s draws stay the seed\'s', async () => {
	const options = {...TEST_SERVER_DEFAULTS, latency: 30, jitter: 20, failRate: 0.5, seed: 42};
	const plain = await startLatencyServer(options);
	const piloted = await startLatencyServer(options);
	try {
		for (let i = 0; i < 5; i++) {
			const started = performance.now();
			const response = await request(`${piloted.url}/pilot/r/${i}`);
			await response.body.dump();
			assert.equal(response.statusCode, 200);
			assert.ok(performance.now() - started >= 29, 'after T, not T ± jitter');
		}

		assert.deepEqual(await statuses(piloted.url, 40), await statuses(plain.url, 40));
	} finally {
		await Promise.all([plain.close(), piloted.close()]);
	}
});
