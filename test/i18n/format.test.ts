import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
	formatBytes,
	formatClock,
	formatCompactCount,
	formatCost,
	formatCount,
	formatDecimal,
	formatDuration,
	formatLatency,
	formatNumber,
	formatPercent,
	formatRate,
	localiseFigures,
	UNKNOWN,
} from '../../source/i18n/format.js';

/** 13 h 53 min in ms. */
const H13M53 = ((13 * 60) + 53) * 60_000;

test('pt writes figures as pt-BR does: a point groups thousands, a comma marks decimals', () => {
	assert.equal(formatCount(4000, 'pt'), '4.000');
	assert.equal(formatCount(4_000_000, 'pt'), '4.000.000');
	assert.equal(formatDecimal(0.07, 2, 'pt'), '0,07');
	assert.equal(`${formatRate(9.2, 'pt')}/s`, '9,2/s');
	assert.equal(formatRate(7012, 'pt'), '7.012');
	assert.equal(formatDuration(H13M53, 'pt'), '13h53m');
	assert.deepEqual([0.4, 850, 6200, 42_140, 184_000].map((ms) => formatDuration(ms, 'pt')), ['0,4ms', '850ms', '6,2s', '42,1s', '3m04s']);
	assert.equal(formatLatency(2.44, 'pt'), '2,4ms');
	assert.equal(formatCompactCount(1500, 'pt'), '1,5k');
	assert.equal(formatBytes(1.2 * 1024 ** 3, 'pt'), '1,2 GB');
	assert.equal(formatPercent(0.834, 'pt'), '83%');
	assert.equal(formatNumber(2.5, 'pt'), '2,5');
	assert.equal(formatClock(0, 'pt'), '0,0s');
});

test('negative and large numbers, in both languages', () => {
	assert.deepEqual([formatCount(-4000, 'en'), formatCount(-4000, 'pt')], ['-4,000', '-4.000']);
	assert.deepEqual([formatDecimal(-1234.56, 1, 'en'), formatDecimal(-1234.56, 1, 'pt')], ['-1,234.6', '-1.234,6']);
	assert.deepEqual([formatCount(-2.5), formatCount(2.5)], ['-3', '3'], 'half away from zero, as before');
	assert.equal(formatCount(-0.2, 'pt'), '0', 'no minus on a figure that rounds to zero');
	assert.deepEqual([formatCount(1e12, 'en'), formatCount(1e12, 'pt')], ['1,000,000,000,000', '1.000.000.000.000']);
	assert.equal(formatDuration(1000 * 3_600_000, 'pt'), '1.000h00m');
	assert.equal(formatRate(-3.94, 'pt'), '-3,9');
});

test('en stays as it was: en-US grouping and point, the same rounding', () => {
	assert.equal(formatCount(4_000_000), '4,000,000');
	assert.equal(formatCount(999), '999');
	assert.equal(formatDecimal(0.07, 2), '0.07');
	assert.deepEqual([0.35, 0.45, 2.25].map((v) => formatDecimal(v, 1)), [0.35, 0.45, 2.25].map((v) => v.toFixed(1)), 'toFixed rounds; Intl only writes the digits');
	assert.deepEqual([3.94, 412.2, 7012].map((r) => formatRate(r)), ['3.9', '412', '7,012']);
	assert.equal(formatDuration(H13M53), '13h53m');
	assert.deepEqual([0.045, 0.9994, 12].map((ms) => formatCost(ms)), ['45µs', '999µs', '12ms']);
	assert.deepEqual([formatCompactCount(4), formatCompactCount(4000), formatCompactCount(4e6), formatCompactCount(1500)], ['4', '4k', '4M', '1.5k']);
	assert.equal(formatBytes(512 * 1024), '512 KB');
});

test('an unknown figure is — in every language', () => {
	for (const lang of ['en', 'pt'] as const) {
		assert.deepEqual(
			[formatCount(Number.NaN, lang), formatDuration(-1, lang), formatLatency(null, lang), formatRate(Number.POSITIVE_INFINITY, lang), formatPercent(null, lang), formatBytes(Number.NaN, lang)],
			Array.from({length: 6}, () => UNKNOWN),
		);
	}
});

test('the clock reads as the measured time beside it: one rounding rule for one figure', () => {
	assert.deepEqual([0, 135, 950, 6200, 184_000].map((ms) => formatClock(ms)), ['0.0s', '135ms', '950ms', '6.2s', '3m04s']);
	assert.deepEqual([135, 6200].map((ms) => formatClock(ms)), [135, 6200].map((ms) => formatDuration(ms)));
});

test('a formula written in English, with its figures in the language', () => {
	const formula = '(n·(c+s+m) + P·C·(c₀−c))/cores = (60,000·(80µs+45µs+2µs) + 2,000·(400µs−80µs))/2 = 4.1s';
	assert.equal(localiseFigures(formula, 'en'), formula);
	assert.equal(localiseFigures(formula, 'pt'), '(n·(c+s+m) + P·C·(c₀−c))/cores = (60.000·(80µs+45µs+2µs) + 2.000·(400µs−80µs))/2 = 4,1s');
	assert.equal(localiseFigures('n·(T+δ)/C = 4,000·(100ms+0.4ms)/1,000 = 401.6ms', 'pt'), 'n·(T+δ)/C = 4.000·(100ms+0,4ms)/1.000 = 401,6ms');
	assert.equal(localiseFigures('1.2', 'pt'), '1,2');
	assert.equal(localiseFigures('1,000h00m', 'pt'), '1.000h00m');
	// What the formatter does not write is left as it is.
	assert.equal(localiseFigures('p50 at 127.0.0.1:8080, min(2,4), 12,34', 'pt'), 'p50 at 127.0.0.1:8080, min(2,4), 12,34');
});
