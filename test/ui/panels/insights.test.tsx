import {test} from 'node:test';
import assert from 'node:assert/strict';
import {insightsLines} from '../../../source/ui/panels/insights.js';
import type {Snapshot} from '../../../source/metrics/snapshot.js';
import * as f from '../fixtures.js';

const text = (lines: ReturnType<typeof insightsLines>): string => lines.map(line => line.map(s => s.text).join('')).join('\n');

const run: Snapshot = {
	...f.asyncLoop,
	latency: {...f.asyncLoop.latency, max: 200, ladder: [[50, 101], [90, 150], [99, 190]]},
	startup: {kind: 'thread', workers: 1, perWorkerMs: 92, perWorkerBytes: 8 * 1_048_576},
	startupMs: 92,
};

test('the wide layout\'s spare rows: the model\'s terms as bars, latency percentiles, one worker\'s start-up, as many as fit', () => {
	assert.equal(
		text(insightsLines({snapshot: run, width: 60, height: 18})),
		[
			"the model's terms ────────────────────── the larger predicts",
			'latency   █████████████████████████████▍               40.2s',
			'loop      █████████████████████████████████████████    56.0s',
			'so far    ███████████████████████▏                     31.5s',
			'',
			'latency ─────────────────────────────────────── 400 measured',
			'p50       ████████████████████▊                        101ms',
			'p90       ██████████████████████████████▊              150ms',
			'p99       ███████████████████████████████████████      190ms',
			'max       █████████████████████████████████████████    200ms',
			'',
			'start-up ────────────────────────────────────────── 1 thread',
			'pool      92ms   one worker 92ms & 8.0 MB a thread   peak r…',
			'',
			'requests/s ──────────────────────────────────── peak 7,100/s',
			'▆▇████',
			'██████',
			'██████',
		].join('\n'),
	);
	// Fewer rows: only the sections that fit whole.
	assert.equal(insightsLines({snapshot: run, width: 60, height: 5}).length, 4);
});
