import {test} from 'node:test';
import assert from 'node:assert/strict';
import {calibrateClient} from '../../source/calibration/calibrate-client.js';
import {processCpuMs, threadCpuMs} from '../../source/calibration/thread-cpu.js';
import {spawnServer} from '../../source/server/spawn-server.js';
import {TEST_SERVER_DEFAULTS} from '../helpers/server.js';

test('calibrateClient measures the CPU of a request, of a first request on a new connection, and the server\'s', async t => {
	// A long T: the calibration's own requests (`/now/…`) do not wait for it.
	const server = await spawnServer({...TEST_SERVER_DEFAULTS, latency: 60_000});
	t.after(async () => server.close());
	const cost = await calibrateClient(server.url, server.pid);
	assert.equal(cost.connections, 100);
	assert.equal(cost.requests, 1000);
	assert.ok(cost.requestMs > 0, `requestMs ${cost.requestMs}`);
	assert.ok(cost.connectMs >= cost.requestMs, `connectMs ${cost.connectMs} < requestMs ${cost.requestMs}`);
	assert.ok(cost.serverMs >= 0);
});

test('thread and process CPU clocks move forward with work', () => {
	const before = threadCpuMs();
	const process0 = processCpuMs(process.pid);
	let x = 0;
	for (let i = 0; i < 2e7; i++) {
		x = (x + i) | 0;
	}

	assert.ok(x !== 0.5);
	assert.ok(threadCpuMs() > before);
	if (process0 !== undefined) {
		assert.ok(processCpuMs(process.pid)! > process0);
	}
});
