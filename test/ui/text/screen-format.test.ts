import {test} from 'node:test';
import assert from 'node:assert/strict';
import {bar, progress, sparkline} from '../../../source/ui/lines/charts.js';
import {formatBytes, formatClock, formatCount, formatDuration, formatLatency, formatPercent, formatRate} from '../../../source/ui/text/screen-format.js';
import {fit, fitLine, seg, wrap} from '../../../source/ui/text/text.js';

test('numbers read the way a speaker says them', () => {
	assert.equal(formatCount(4_000_000), '4,000,000');
	assert.deepEqual([850, 6200, 42_140, 184_000, 3_720_000].map((ms) => formatDuration(ms)), ['850ms', '6.2s', '42.1s', '3m04s', '1h02m']);
	// The clock reads as the measured time beside it (one rounding rule for one figure): `135ms`, not `0.1s`.
	assert.deepEqual([0, 135, 450, 6200].map((ms) => formatClock(ms)), ['0.0s', '135ms', '450ms', '6.2s']);
	assert.deepEqual([2.44, 101.4, 1300].map((ms) => formatLatency(ms)), ['2.4ms', '101ms', '1.3s']);
	assert.deepEqual([3.94, 412.2, 7012].map((r) => formatRate(r)), ['3.9', '412', '7,012']);
	assert.equal(formatPercent(0.834), '83%');
	assert.equal(formatBytes(123 * 1024 * 1024), '123 MB');
});

test('charts: sparklines, eighth-cell bars, progress', () => {
	assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 8), '▁▂▃▄▅▆▇█');
	assert.equal(sparkline([0, 1, 2, 3, 4, 5, 6, 7], 3), '▆▇█');
	assert.equal(sparkline([0.5, 1], 4, 1), '▅█');
	assert.deepEqual(bar(0.5, 4), {filled: '██', empty: '  '});
	assert.deepEqual(bar(0.3, 4), {filled: '█▎', empty: '  '});
	assert.deepEqual(progress(0.25, 8), {done: '━━', rest: '──────'});
});

test('text: cut with an ellipsis, never wider than asked', () => {
	assert.equal(fit('processes-threads', 9), 'processe…');
	assert.equal(fit('async', 9), 'async');
	assert.deepEqual(fitLine([seg('abc'), seg('def', 'muted')], 5), [seg('abc'), seg('d…', 'muted')]);
	assert.deepEqual(wrap('the loop is saturated: one core parses', 16), ['the loop is', 'saturated: one', 'core parses']);
});
