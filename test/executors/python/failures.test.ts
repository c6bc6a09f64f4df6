import assert from 'node:assert/strict';
import {createServer} from 'node:net';
import {describe, test} from 'node:test';
import {withHostileServer} from '../../helpers/hostile-server.js';
import {withServer} from '../../helpers/server.js';
import {reasons, runToEnd} from '../harness.js';
import {pythonHarness, SKIP} from './python-harness.js';

const failing = await withServer({latency: 10, failRate: 0.5});
const hostile = await withHostileServer();

/** A port nobody listens on: bound, then closed. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}

describe('python runner: failures in Node\'s words', {skip: SKIP}, () => {
	for (const mode of ['threads', 'async'] as const) {
		test(`${mode}: --fail-rate 0.5 fails as status 500, the sum holds`, async () => {
			const h = pythonHarness(mode, failing.url);
			try {
				const {totals} = await runToEnd(h);
				assert.ok(totals.failed > 0);
				assert.equal(totals.completed + totals.failed, 40);
				assert.deepEqual([...reasons(h.events)], [['status 500', totals.failed]]);
			} finally {
				await h.executor.close();
			}
		});

		test(`${mode}: a server that never answers is a timeout at the whole-request deadline`, async () => {
			const h = pythonHarness(mode, '', {requests: 4, workers: 4, workload: {target: {kind: 'list', urls: [hostile.url('hang')]}, timeout: 400}});
			try {
				const started = Date.now();
				const {totals} = await runToEnd(h);
				assert.equal(totals.failed, 4);
				assert.deepEqual([...reasons(h.events)], [['timeout', 4]]);
				assert.ok(Date.now() - started < 10_000);
			} finally {
				await h.executor.close();
			}
		});

		test(`${mode}: a body dripping past the deadline is a timeout too`, async () => {
			const h = pythonHarness(mode, '', {requests: 2, workers: 2, workload: {target: {kind: 'list', urls: [hostile.url('drip')]}, timeout: 1200}});
			try {
				const {totals} = await runToEnd(h);
				assert.equal(totals.failed, 2);
				assert.deepEqual([...reasons(h.events)], [['timeout', 2]]);
			} finally {
				await h.executor.close();
			}
		});

		test(`${mode}: a closed port is connection refused (ECONNREFUSED)`, async () => {
			const port = await closedPort();
			const h = pythonHarness(mode, `http://127.0.0.1:${port}`, {requests: 6});
			try {
				const {totals} = await runToEnd(h);
				assert.equal(totals.failed, 6);
				assert.deepEqual([...reasons(h.events)], [['connection refused (ECONNREFUSED)', 6]]);
			} finally {
				await h.executor.close();
			}
		});
	}

	test('threads: a reset, a cut body and garbage have their words', async () => {
		const urls = [hostile.url('reset'), hostile.url('cut'), hostile.url('garbage'), hostile.url('loop')];
		const h = pythonHarness('threads', '', {requests: 4, workers: 4, workload: {target: {kind: 'list', urls}, timeout: 3000}});
		try {
			const {totals} = await runToEnd(h);
			assert.equal(totals.failed, 4);
			const words = [...reasons(h.events).keys()].sort();
			assert.ok(words.some(word => /connection reset|connection closed by the server/.test(word)), String(words));
			assert.ok(words.some(word => word.startsWith('body cut short')), String(words));
			assert.ok(words.includes('too many redirects'), String(words));
			assert.ok(words.includes('not an HTTP response'), String(words));
		} finally {
			await h.executor.close();
		}
	});
});
