import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {MODES} from '../../source/config/config.js';
import {HOSTILE_PATHS, HUGE_BYTES, withHostileServer, type HostilePath} from '../helpers/hostile-server.js';
import {endsPerTask, harness, ofType, runToEnd} from './harness.js';

const hostile = await withHostileServer();
const paths = Object.keys(HOSTILE_PATHS) as HostilePath[];
const TIMEOUT = 1500;

/** What each path must end as (huge: completed, or cut by the deadline on a machine too loaded to read 256 MB in time). */
const expected: Record<HostilePath, string | readonly string[]> = {
	ok: 'completed',
	status: 'status 500',
	reset: 'connection reset (ECONNRESET)',
	close: 'connection closed by the server (UND_ERR_SOCKET)',
	hang: 'timeout',
	drip: 'timeout',
	huge: ['completed', 'timeout'],
	garbage: 'not an HTTP response',
	loop: 'too many redirects',
	chain: 'too many redirects (status 302)',
	file: 'redirect to a non-HTTP URL refused',
	cut: 'body cut short (UND_ERR_SOCKET)',
	zero: 'invalid status line',
	location: 'bad redirect location',
};

describe('a hostile server: every task ends exactly once, in words, within the deadline', () => {
	for (const mode of MODES) {
		test(mode, async () => {
			const h = harness(mode, hostile.origin, {
				requests: paths.length,
				workload: {target: {kind: 'list', urls: paths.map(path => hostile.url(path))}, timeout: TIMEOUT},
			});
			try {
				const {totals} = await runToEnd(h);
				assert.equal(totals.completed + totals.failed + totals.cancelled, paths.length);
				assert.equal(totals.cancelled, 0);
				const ends = endsPerTask(h.events);
				assert.ok(ends.size === paths.length && [...ends.values()].every(count => count === 1), JSON.stringify([...ends]));
				for (const end of ofType(h.events, 'task-end')) {
					const path = paths[end.task % paths.length]!;
					const got = end.outcome === 'completed' ? 'completed' : end.reason;
					const want = expected[path];
					assert.ok(typeof want === 'string' ? got === want : want.includes(got), `${path}: ${got}`);
					if (path === 'huge' && got === 'completed') {
						assert.equal(end.bytes, HUGE_BYTES);
					}

					// The drip sends a byte every 500 ms: the deadline, not the body's pace, ended it.
					if (path === 'drip' || path === 'hang') {
						assert.ok(end.latencyMs >= TIMEOUT - 50 && end.latencyMs < TIMEOUT * 2, `${path}: ${end.latencyMs} ms`);
					}
				}
			} finally {
				await h.executor.close();
			}
		});
	}
});
