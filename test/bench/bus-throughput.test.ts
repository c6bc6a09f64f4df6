import assert from 'node:assert/strict';
import {test} from 'node:test';
import {measureBusThroughput} from '../../bench/bus-throughput.js';
import {withServer} from '../helpers/server.js';
import {harness, ofType, runToEnd} from '../executors/harness.js';

test('the bus benchmark delivers every event from every worker thread', async () => {
	const result = await measureBusThroughput({workers: 2, eventsPerWorker: 5001});
	assert.equal(result.events, 10_002);
	assert.ok(result.ms > 0 && result.eventsPerSecond > 0);
});

test('at high rates an event loop sends few batches and few control messages', async () => {
	const server = await withServer({latency: 1, bodyBytes: 16});
	const h = harness('async', server.url, {requests: 2000, concurrency: 100});
	try {
		const {totals} = await runToEnd(h);
		assert.equal(totals.completed, 2000);
		assert.ok(h.receives * 20 < h.events.length, `${h.receives} batches for ${h.events.length} events`);
		assert.equal(ofType(h.events, 'task-end').length, 2000);
		const stats = h.executor.stats();
		assert.ok(stats.wantMessages * 4 < 2000 && stats.grantMessages * 4 < 2000, JSON.stringify(stats));
		assert.equal(stats.batches, h.receives);
	} finally {
		await h.executor.close();
	}
});
