import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {RunConfig} from '../../source/config/config.js';
import {spawnServer} from '../../source/server/spawn-server.js';
import {burstConnectionsOf, burstRequestsOf, startBurst, wantsBurst} from '../../source/calibration/burst.js';
import {childrenOf} from '../helpers/children.js';
import {TEST_SERVER_DEFAULTS} from '../helpers/server.js';
import {config as base} from '../ui/fixtures.js';

const loops: RunConfig = {...base, mode: 'processes-async', workers: 2, concurrency: 1000, latency: 100, requests: 400};

test('a burst is the run\'s first round: P loops of min(C, n/P) first requests', () => {
	assert.deepEqual([burstConnectionsOf(loops), burstRequestsOf(loops)], [200, 400]);
	assert.deepEqual([burstConnectionsOf({...loops, requests: 4001}), burstRequestsOf({...loops, requests: 4001})], [1000, 2000]);
	assert.deepEqual([burstConnectionsOf({...loops, mode: 'async'}), burstRequestsOf({...loops, mode: 'async'})], [400, 400]);
});

test('wantsBurst: I/O of a loop mode on the embedded server, on the closed model', () => {
	assert.equal(wantsBurst(loops), true);
	assert.equal(wantsBurst({...loops, mode: 'async'}), true);
	assert.equal(wantsBurst({...loops, mode: 'threads'}), false, 'blocking lanes open one connection each');
	assert.equal(wantsBurst({...loops, work: 'mixed'}), false);
	assert.equal(wantsBurst({...loops, rate: 100}), false, 'a schedule opens its connections at its own pace');
	assert.equal(wantsBurst({...loops, target: {kind: 'urls', file: 'urls.txt', source: {} as never}}), false);
});

test('a burst runs on fresh lane processes against /pilot/ (never failing) and times its round past T; its lanes are gone after', async t => {
	// Every drawn request would fail: the burst's never do.
	const server = await spawnServer({...TEST_SERVER_DEFAULTS, latency: 20, failRate: 1});
	t.after(async () => server.close());
	const config: RunConfig = {...loops, concurrency: 30, latency: 20, failRate: 1, requests: 1000};
	const cost = await startBurst({config, baseUrl: server.url, cores: 2}).done;
	assert.ok(cost, 'a burst cost');
	assert.deepEqual([cost.loops, cost.connections], [2, 30]);
	assert.ok(cost.wallMs >= 20 && cost.rampMs === cost.wallMs - 20, JSON.stringify(cost));
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
