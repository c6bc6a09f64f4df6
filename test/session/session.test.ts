import {test} from 'node:test';
import assert from 'node:assert/strict';
import {childrenOf} from '../helpers/children.js';
import {parseOptions} from '../../source/cli/options.js';
import type {RunConfig} from '../../source/config/config.js';
import type {Snapshot} from '../../source/metrics/snapshot.js';
import {createSession} from '../../source/session/session.js';
import {TEST_SERVER_DEFAULTS} from '../helpers/server.js';
import {config as base} from '../ui/fixtures.js';

const config: RunConfig = {...base, mode: 'threads', requests: 20, workers: 2, latency: 20, fps: 20};

test('a session starts its server once, runs one mode at a time and publishes a snapshot per frame', async () => {
	const session = createSession({server: {...TEST_SERVER_DEFAULTS, latency: 20}});
	const seen: Snapshot[] = [];
	const off = session.subscribe((snapshot) => seen.push(snapshot));
	try {
		const first = await session.run(config);
		const second = await session.run({...config, mode: 'sequential', requests: 5});
		assert.equal(first.completed, 20);
		assert.equal(second.completed, 5);
		const runs = [...new Set(seen.map((s) => s.run.id))];
		assert.deepEqual(runs, [1, 2], 'each run has its own id, in order');
		assert.equal(seen.at(-1)!.status, 'done', 'the last frame is published after the run ends');
		assert.equal(seen.filter((s) => s.run.id === 1).at(-1)!.completed, 20);
	} finally {
		off();
		await session.close();
	}
});

test('cancel with nothing running does nothing; close is idempotent; a closed session runs nothing', async () => {
	const session = createSession({server: {...TEST_SERVER_DEFAULTS}});
	session.cancel();
	session.pause();
	assert.equal(session.paused, false);
	await session.close();
	await session.close();
	await assert.rejects(session.run(config), /the session is closed/);
});

test('close during a run cancels it: the run resolves with every task counted', async () => {
	const session = createSession({server: {...TEST_SERVER_DEFAULTS, latency: 50}});
	const running = session.run({...config, mode: 'processes', requests: 1000});
	const off = session.subscribe((snapshot) => {
		if (snapshot.completed > 0) {
			void session.close();
		}
	});
	const result = await running;
	off();
	await session.close();
	assert.equal(result.completed + result.failed + result.cancelled, 1000);
	assert.ok(result.cancelled > 0);
});

const options = parseOptions({mode: 'threads', workers: '2', requests: '50', latency: '20'}, [], {});

test('a cancel while the run is being prepared (server, calibration) cancels that run once it starts', async () => {
	const session = createSession({server: options.server});
	try {
		const running = session.run(options.config);
		session.cancel();
		const result = await running;
		assert.ok(result.cancelled > 0, JSON.stringify(result));
		assert.equal(result.completed + result.failed + result.cancelled, 50);
	} finally {
		await session.close();
	}
});

test('a pause while the run is being prepared holds it until resumed', async () => {
	const session = createSession({server: options.server});
	try {
		let completed = 0;
		session.subscribe((snapshot) => {
			completed = snapshot.completed;
		});
		const running = session.run(options.config);
		session.pause();
		assert.equal(session.paused, true);
		await new Promise(resolve => {
			setTimeout(resolve, 1500);
		});
		assert.equal(session.paused, true);
		assert.equal(completed, 0);
		session.resume();
		const result = await running;
		assert.equal(result.completed, 50);
	} finally {
		await session.close();
	}
});

test('a cancel while the run is still starting (a signal during start-up) is not lost: every task ends cancelled', async () => {
	const session = createSession({server: TEST_SERVER_DEFAULTS});
	try {
		const running = session.run({...config, mode: 'async', requests: 50, latency: 20});
		session.cancel();
		const result = await running;
		assert.equal(result.requested, 50);
		assert.equal(result.cancelled, 50);
		assert.equal(result.completed + result.failed + result.cancelled, 50);
	} finally {
		await session.close();
	}
});

test('a loop run near the knee gets a pilot of its own pool first, once per shape: the phases in order, its figures in the run\'s clientCost', async () => {
	const session = createSession({server: {...TEST_SERVER_DEFAULTS, latency: 1}, pilotRequests: 600});
	const phases: string[] = [];
	session.onPreparing((preparing) => phases.push(preparing ? `${preparing.phase}${preparing.phase === 'pilot' || preparing.phase === 'burst' ? ` ${preparing.requests}` : ''}` : 'run'));
	try {
		// Latency term 1,300·1ms/20 = 65 ms: the client's CPU term is of its order.
		const shape: RunConfig = {...config, mode: 'async', concurrency: 20, latency: 1, requests: 1300};
		const first = await session.run(shape);
		// The burst: a warming round of the loop's first 20 requests, then four measured rounds, each pass on a fresh lane.
		assert.deepEqual(phases, ['server', 'client', 'burst 100', 'pilot 620', 'run']);
		assert.deepEqual([first.clientCost?.burst?.loops, first.clientCost?.burst?.connections], [1, 20]);
		assert.equal(first.completed, 1300, 'the pilot\'s requests are not the run\'s');
		assert.equal(first.clientCost?.pilot?.loops, 1);
		assert.equal(first.clientCost?.pilot?.connections, 20);
		assert.ok(first.clientCost!.waitMs! >= 0);
		const again = await session.run(shape);
		assert.deepEqual(phases.slice(5), ['run'], 'the same shape is burst and piloted once');
		assert.deepEqual(again.clientCost, first.clientCost);
		const short = await session.run({...shape, requests: 1200});
		assert.equal(short.clientCost?.pilot, null, 'shorter than two pilots: the lane calibration alone');
	} finally {
		await session.close();
	}
});

test('close during a pilot ends it and its lanes, and the run it prepared resolves with every task cancelled', async () => {
	const session = createSession({server: {...TEST_SERVER_DEFAULTS, latency: 1}});
	const shape: RunConfig = {...config, mode: 'processes-async', workers: 2, concurrency: 20, latency: 1, requests: 40_000};
	let closed: Promise<void> | undefined;
	const off = session.onPreparing((preparing) => {
		if (preparing?.phase === 'pilot') {
			setTimeout(() => {
				closed = session.close();
			}, 100);
		}
	});
	const result = await session.run(shape);
	off();
	await closed;
	assert.equal(result.cancelled, 40_000);
	assert.equal(result.completed + result.failed, 0);
	assert.equal(result.clientCost?.pilot, null, 'a cancelled pilot gives no figures');
	assert.deepEqual(childrenOf(process.pid), [], 'no lane process and no server left');
});
