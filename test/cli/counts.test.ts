import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseCount} from '../../source/cli/counts.js';

test('counts as people write them', () => {
	const cases: Array<[string, number]> = [
		['4000', 4000], ['4,000', 4000], ['4_000', 4000], ['4k', 4000], ['4K', 4000], ['4e3', 4000], ['1.5k', 1500],
		['4M', 4_000_000], ['4m', 4_000_000], ['4,000,000', 4_000_000], ['1.1k', 1100], ['0.5k', 500], ['.5k', 500],
		['2.5e3', 2500], ['1e6', 1_000_000], ['400', 400], ['0', 0], ['007', 7], [' 12 ', 12],
	];
	for (const [text, value] of cases) {
		assert.equal(parseCount(text), value, text);
	}
});

test('not whole, or not a count: undefined', () => {
	for (const text of ['2.5', '1.5', '1.0001k', '4,00', '40,00,000', '4__000', '_4', '4_', 'k', '', 'e3', '4e', '4kk', '4 k', '-4', '0x10', 'NaN', 'Infinity', '1e400', '9e15k', '4G', '١٢']) {
		assert.equal(parseCount(text), undefined, text);
	}
});
