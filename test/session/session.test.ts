import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseOptions} from '../../source/cli/options.js';
import {createSession} from '../../source/session/session.js';

const options = parseOptions({mode: 'threads', workers: '2', requests: '50', latency: '20'}, [], {});

test('a cancel while the run is being prepared (server, calibration) cancels that run once it starts', async () => {
	const session = createSession({server: options.server, fps: 10});
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
	const session = createSession({server: options.server, fps: 10});
	try {
		const running = session.run(options.config);
		session.pause();
		assert.equal(session.paused, true);
		await new Promise(resolve => {
			setTimeout(resolve, 1500);
		});
		assert.equal(session.paused, true);
		assert.equal(session.snapshot?.completed ?? 0, 0);
		session.resume();
		const result = await running;
		assert.equal(result.completed, 50);
	} finally {
		await session.close();
	}
});
