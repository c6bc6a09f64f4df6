import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {RunConfig} from '../../source/config/config.js';
import {spawnServer} from '../../source/server/spawn-server.js';
import {burstConnectionsOf, burstRequestsOf, burstShapeOf, startBurst, wantsBurst} from '../../source/session/burst.js';
import {childrenOf} from '../helpers/children.js';
import {TEST_SERVER_DEFAULTS} from '../helpers/server.js';
import {config as base} from '../ui/fixtures.js';

const loops: RunConfig = {...base, mode: 'processes-async', workers: 2, concurrency: 1000, latency: 100, requests: 400};

test('a burst is the run\'s first rounds: P loops of min(C, n/P) first requests, a warming round then up to four measured', () => {
	assert.deepEqual([burstShapeOf(loops), burstRequestsOf(loops)], [{loops: 2, connections: 200, rounds: 1}, 800]);
	assert.deepEqual([burstShapeOf({...loops, requests: 4001}), burstRequestsOf({...loops, requests: 4001})], [{loops: 2, connections: 1000, rounds: 2}, 6000]);
	assert.deepEqual([burstShapeOf({...loops, mode: 'async'}), burstRequestsOf({...loops, mode: 'async'})], [{loops: 1, connections: 400, rounds: 1}, 800]);
	assert.deepEqual(burstShapeOf({...loops, mode: 'async', requests: 4_000_000}), {loops: 1, connections: 1000, rounds: 4});
	assert.equal(burstConnectionsOf({...loops, requests: 4001}), 1000);
});

test('wantsBurst: I/O of a loop mode on the embedded server, on the closed model', () => {
	assert.equal(wantsBurst(loops), true);
	assert.equal(wantsBurst({...loops, mode: 'async'}), true);
	assert.equal(wantsBurst({...loops, mode: 'threads'}), false, 'blocking lanes open one connection each');
	assert.equal(wantsBurst({...loops, work: 'mixed'}), false);
	assert.equal(wantsBurst({...loops, rate: 100}), false, 'a schedule opens its connections at its own pace');
	assert.equal(wantsBurst({...loops, target: {kind: 'urls', file: 'urls.txt', source: {} as never}}), false);
});

test('a burst runs on fresh lane processes against /pilot/ (never failing) and times its rounds past T; its lanes are gone after', async t => {
	// Every drawn request would fail: the burst's never do.
	const server = await spawnServer({...TEST_SERVER_DEFAULTS, latency: 20, failRate: 1});
	t.after(async () => server.close());
	const config: RunConfig = {...loops, concurrency: 30, latency: 20, failRate: 1, requests: 1000};
	const cost = await startBurst({config, baseUrl: server.url, cores: 2}).done;
	assert.ok(cost, 'a burst cost');
	// 1,000 requests over 2 loops of 30: four whole rounds measured.
	assert.deepEqual([cost.loops, cost.connections, cost.rounds], [2, 30, 4]);
	const wait = cost.waitMs ?? Number.NaN;
	assert.ok(cost.wallMs >= 4 * 20 && wait >= 0 && cost.rampMs === Math.max(0, cost.wallMs - 4 * (20 + wait)), JSON.stringify(cost));
	assert.deepEqual(childrenOf(process.pid).filter(pid => pid !== server.pid), [], 'its lane processes are gone');
});

test('a cancelled burst gives nothing and leaves no lane', async t => {
	const server = await spawnServer({...TEST_SERVER_DEFAULTS, latency: 200});
	t.after(async () => server.close());
	const burst = startBurst({config: {...loops, concurrency: 30, latency: 200, requests: 1000}, baseUrl: server.url, cores: 2});
	setTimeout(() => {
		burst.cancel();
	}, 100);
	assert.equal(await burst.done, undefined);
	assert.equal(burst.cancelled, true);
	assert.deepEqual(childrenOf(process.pid).filter(pid => pid !== server.pid), []);
});
