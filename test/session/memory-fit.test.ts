import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {RunConfig} from '../../source/config/config.js';
import {UsageError} from '../../source/config/errors.js';
import {MAX_THREADS_PER_PROCESS, memoryWhy, threadsWhy} from '../../source/session/memory-fit.js';
import {createSession} from '../../source/session/session.js';
import {runCli} from '../helpers/cli.js';
import {TEST_SERVER_DEFAULTS} from '../helpers/server.js';
import {config as base} from '../ui/fixtures.js';

const MB = 1024 * 1024;

test('more worker threads in one process than it runs well are refused, saying what to use instead', () => {
	assert.equal(threadsWhy({...base, mode: 'threads', workers: MAX_THREADS_PER_PROCESS}), undefined);
	assert.match(threadsWhy({...base, mode: 'threads', workers: 256})!, /^-p 256: one process runs at most 128 worker threads well .*-m processes-threads/);
	assert.match(threadsWhy({...base, mode: 'processes-threads', workers: 2, threads: 200})!, /^--threads 200: /);
	assert.equal(threadsWhy({...base, mode: 'processes', workers: 256}), undefined);
});

test('a pool whose measured memory is past what is available is refused with what fits', () => {
	assert.equal(memoryWhy(64, {kind: 'thread', perWorkerBytes: 20 * MB}, 24_000 * MB), undefined);
	assert.equal(memoryWhy(64, {kind: 'process', perWorkerBytes: 50 * MB}, 1000 * MB), '64 processes need about 3.1 GB (50 MB each, measured); 1.0 GB is available: at most 16 fit');
	assert.equal(memoryWhy(64, {kind: 'process', perWorkerBytes: null}, 1), undefined, 'nothing measured: nothing refused');
});

test('the session measures one worker of a large pool before it starts, and refuses it when it does not fit (UsageError)', async () => {
	const session = createSession({server: {...TEST_SERVER_DEFAULTS}, availableBytes: 40 * MB});
	const config: RunConfig = {...base, mode: 'processes', workers: 20, requests: 40, latency: 5};
	try {
		await assert.rejects(session.run(config), (error: unknown) => error instanceof UsageError && /^20 processes need about .* \(.* each, measured\); 40 MB is available: at most \d+ fit$/.test(error.message));
		const small = await session.run({...config, workers: 2});
		assert.equal(small.completed, 40);
	} finally {
		await session.close();
	}
});

test('concviz -m threads -p 256: one line, exit 2, nothing started', async () => {
	const {code, stdout, stderr} = await runCli(['-m', 'threads', '-p', '256', '-n', '512', '--json']);
	assert.equal(code, 2);
	assert.equal(stdout, '');
	assert.match(stderr, /^concviz: -p 256: one process runs at most 128 worker threads well[^\n]*\n$/);
});
