import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createSession} from '../../source/session/session.js';
import {TEST_SERVER_DEFAULTS} from '../helpers/server.js';
import {config} from '../ui/fixtures.js';

test('a cancel while the run is still starting (a signal during start-up) is not lost: every task ends cancelled', async () => {
	const session = createSession({server: TEST_SERVER_DEFAULTS, fps: 10});
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
