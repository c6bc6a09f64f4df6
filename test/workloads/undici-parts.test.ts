import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {createServer} from 'node:http2';
import type {AddressInfo} from 'node:net';
import {after, test} from 'node:test';
import {promisify} from 'node:util';
import {Pool} from '../../source/workloads/undici-parts.js';

const io = new URL('../../source/workloads/io.js', import.meta.url).href;

test('the workload\'s HTTP client loads without node:http2, node:tls or node:crypto', async () => {
	const script = `await import(${JSON.stringify(io)}); console.log(JSON.stringify(process.moduleLoadList.filter(m => /^NativeModule (http2|tls|crypto)$/.test(m))));`;
	const {stdout} = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
	assert.deepEqual(JSON.parse(stdout), []);
});

test('a connection that turns out to be HTTP/2 still speaks it: the HTTP/2 half loads on its first use', async () => {
	const server = createServer((request, response) => {
		response.end(`h2 ${request.url}`);
	});
	await new Promise<void>(resolve => {
		server.listen(0, '127.0.0.1', resolve);
	});
	after(() => {
		server.close();
	});
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const pool = new Pool(origin, {connections: 1, allowH2: true, useH2c: true} as ConstructorParameters<typeof Pool>[1]);
	try {
		const response = await pool.request({origin, path: '/x', method: 'GET'});
		assert.equal(response.statusCode, 200);
		assert.equal(await response.body.text(), 'h2 /x');
	} finally {
		await pool.destroy();
	}
});
