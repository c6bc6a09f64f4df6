import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ClientCost} from '../../source/model/client-cost.js';
import {childrenOf} from '../helpers/children.js';
import type {RunConfig} from '../../source/config/config.js';
import {spawnServer} from '../../source/server/spawn-server.js';
import {loopsOf} from '../../source/model/divisors.js';
import {PILOT_REQUESTS, pilotRequestsOf, startPilot, wantsPilot} from '../../source/calibration/pilot.js';
import {TEST_SERVER_DEFAULTS} from '../helpers/server.js';
import {config as base} from '../ui/fixtures.js';

const loops: RunConfig = {...base, mode: 'processes-async', workers: 2, concurrency: 1000, latency: 100, requests: 60_000};
/** A lane calibration of a busy machine: c + s + m = 135 µs a request. */
const cost: ClientCost = {requestMs: 0.08, connectMs: 0.35, serverMs: 0.045, mainMs: 0.01, loopMs: 0.08, connections: 100, requests: 1000};

test('loopsOf counts the event loops of a mode: 1 for async, P for processes-async, none in blocking modes', () => {
	assert.equal(loopsOf({...loops, mode: 'async'}), 1);
	assert.equal(loopsOf(loops), 2);
	assert.equal(loopsOf({...loops, mode: 'threads'}), 0);
	assert.equal(loopsOf({...loops, mode: 'sequential'}), 0);
});

test('pilotRequestsOf: the first P·C, then seven rounds of them or half a second\'s worth at T, between 1,000 and the most', () => {
	assert.equal(pilotRequestsOf(loops), 2000 + PILOT_REQUESTS);
	assert.equal(pilotRequestsOf({...loops, mode: 'async'}), 1000 + 7000);
	// C=100 at T=10 ms: 100 requests in flight end 5,000 times in 0.5 s.
	assert.equal(pilotRequestsOf({...loops, mode: 'async', concurrency: 100, latency: 10}), 100 + 5000);
	assert.equal(pilotRequestsOf({...loops, mode: 'async', concurrency: 10, latency: 100}), 10 + 1000);
	assert.equal(pilotRequestsOf({...loops, mode: 'async', latency: 0}), 1000 + PILOT_REQUESTS);
	assert.equal(pilotRequestsOf(loops, 600), 2600);
});

test('wantsPilot: I/O of a loop mode on the embedded server, closed model, at least two pilots long, its CPU term at least 0.3 of its latency term', () => {
	// Latency term 3.3 s, CPU term (60,000·135 µs + 2,000·270 µs)/2 = 4.3 s.
	assert.equal(wantsPilot(loops, cost, 2), true);
	assert.equal(wantsPilot({...loops, mode: 'processes'}, cost, 2), false, 'blocking lanes');
	assert.equal(wantsPilot({...loops, work: 'mixed'}, cost, 2), false, 'mixed work has its kernel term');
	assert.equal(wantsPilot({...loops, rate: 1000}, cost, 2), false, 'the open model');
	assert.equal(wantsPilot({...loops, target: {kind: 'urls', file: 'urls.txt', source: {} as never}}, cost, 2), false, 'not the embedded server');
	assert.equal(wantsPilot({...loops, requests: 31_999}, cost, 2), false, 'shorter than two pilots of 16,000');
	// T=1 s: the latency term is 30 s, ten times the CPU term.
	assert.equal(wantsPilot({...loops, latency: 1000}, cost, 2), false, 'far from the knee');
});

test('a pilot runs the run\'s own pool against the server\'s /pilot/ path, never failing, and measures each part per request', async t => {
	// Every drawn request would fail: the pilot's never do.
	const server = await spawnServer({...TEST_SERVER_DEFAULTS, latency: 5, failRate: 1});
	t.after(async () => server.close());
	const config: RunConfig = {...loops, workers: 1, concurrency: 20, latency: 5, failRate: 1, requests: 10_000};
	const pilot = startPilot({config, baseUrl: server.url, serverPid: server.pid, cores: 2, most: 1500});
	const pool = await pilot.done;
	assert.ok(pool, 'a pool cost');
	assert.equal(pool.loops, 1);
	assert.equal(pool.connections, 20);
	// 1,520 requests: skip 20 and 60 % of 1,480, end before the last 20.
	assert.equal(pool.requests, 1520 - 20 - 1 - (20 + Math.floor(1480 * 0.6)));
	assert.ok(pool.requestMs > 0 && pool.serverMs > 0 && pool.mainMs >= 0 && pool.loopMs > 0, JSON.stringify(pool));
	assert.ok(pool.waitMs >= 0);
	assert.deepEqual(childrenOf(process.pid).filter(pid => pid !== server.pid), [], 'its lane processes are gone');
});

test('a cancelled pilot ends its pool and gives no figures', async t => {
	const server = await spawnServer({...TEST_SERVER_DEFAULTS, latency: 50});
	t.after(async () => server.close());
	const config: RunConfig = {...loops, mode: 'async', concurrency: 10, latency: 50, requests: 100_000};
	const pilot = startPilot({config, baseUrl: server.url, serverPid: server.pid, cores: 2});
	setTimeout(() => pilot.cancel(), 300);
	assert.equal(await pilot.done, undefined);
});

test('wantsPilot: a pool so wide that the most a pilot sends leaves a steady window under 1,000 requests gets none', () => {
	// 16 loops × 1,000: a pilot of 16,000 + 14,000 would keep 0.4·(30,000 − 32,000) requests.
	assert.equal(wantsPilot({...loops, workers: 16, requests: 1_000_000}, cost, 2), false);
	assert.equal(wantsPilot({...loops, workers: 8, concurrency: 1000, requests: 1_000_000}, cost, 2), true);
});
