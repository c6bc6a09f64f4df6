import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import type {RunConfig} from '../../source/config/config.js';
import type {Snapshot} from '../../source/metrics/snapshot.js';
import {createSession} from '../../source/session/session.js';
import {descendants} from '../helpers/proc.js';
import {TEST_SERVER_DEFAULTS} from '../helpers/server.js';
import {config as base} from '../ui/fixtures.js';

const serverPid = (): number | undefined =>
	descendants(process.pid).find(pid => {
		try {
			return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('server.process.js');
		} catch {
			return false;
		}
	});

test('a server stopped during the client calibration: past its deadline the run goes on without that figure, and the model says it lacks it', {skip: process.platform !== 'linux', timeout: 30_000}, async () => {
	const session = createSession({server: {...TEST_SERVER_DEFAULTS, latency: 10}, calibrationDeadlineMs: 1500});
	let stopped: number | undefined;
	session.onPreparing(preparing => {
		if (preparing?.phase === 'client' && stopped === undefined) {
			stopped = serverPid();
			if (stopped !== undefined) {
				process.kill(stopped, 'SIGSTOP');
			}
		}
	});
	const seen: Snapshot[] = [];
	session.subscribe(snapshot => seen.push(snapshot));
	const config: RunConfig = {...base, mode: 'sequential', requests: 4, latency: 10, timeout: 1000};
	try {
		const result = await session.run(config);
		assert.ok(stopped !== undefined, 'the server was found and stopped');
		assert.equal(result.completed + result.failed + result.cancelled, 4);
		assert.equal(result.failed, 4);
		assert.deepEqual(Object.keys(result.failures), ['timeout']);
		const model = seen.at(-1)!.model;
		assert.equal(model.cpu, null);
		assert.equal(model.note, 'no CPU term: the client calibration did not finish within {time}');
		assert.deepEqual(model.noteParams, {time: '1.5s'});
	} finally {
		if (stopped !== undefined) {
			process.kill(stopped, 'SIGCONT');
		}

		await session.close();
	}
});
