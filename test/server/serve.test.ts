import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {request} from 'undici';
import {describeServer} from '../../source/server/serve.js';

const fixture = new URL('fixtures/serve.js', import.meta.url).pathname;

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
	test(`runServe prints one URL line, serves, and stops on ${signal}`, async () => {
		const child = spawn(process.execPath, [fixture], {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8');
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => {
			stderr += chunk;
		});
		const exited = once(child, 'exit');
		await new Promise<void>(resolve => {
			child.stdout.on('data', (chunk: string) => {
				stdout += chunk;
				if (stdout.includes('\n')) {
					resolve();
				}
			});
		});
		assert.match(stdout, /^http:\/\/127\.0\.0\.1:\d+\n$/);
		const response = await request(`${stdout.trim()}/r/1`);
		assert.equal(response.statusCode, 200);
		assert.equal((await response.body.arrayBuffer()).byteLength, 32);

		child.kill(signal);
		const [code, exitSignal] = (await exited) as [number | null, NodeJS.Signals | null];
		assert.equal(exitSignal, null, 'the signal was handled, not fatal');
		assert.equal(code, 0);
		assert.equal(stdout.split('\n').length, 2, `stdout: ${JSON.stringify(stdout)}`);
		assert.match(stderr, /concviz server: latency 5 ms/);
		assert.match(stderr, /serve ended\n$/);
	});
}

test('describeServer names latency, jitter, body size, failures and seed', () => {
	assert.equal(
		describeServer({port: 0, latency: 100, jitter: 10, failRate: 0.05, bodyBytes: 1024, seed: 42}),
		'concviz server: latency 100 ms ± 10 ms, 1024-byte bodies, 5% answered 500, seed 42',
	);
	assert.equal(
		describeServer({port: 0, latency: 0, jitter: 0, failRate: 0, bodyBytes: 1, seed: 7}),
		'concviz server: latency 0 ms, 1-byte bodies, seed 7',
	);
});
