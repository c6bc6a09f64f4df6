import {test} from 'node:test';
import assert from 'node:assert/strict';
import {burstCostOf, burstRoundsOf, rampOfBurst} from '../../source/calibration/burst-cost.js';

const shape = {loops: 2, connections: 200, rounds: 1, latencyMs: 100};
const ends = (count: number, at: number): number[] => Array.from({length: count}, () => at);

test('burstCostOf: one round, first start to last end, and B, what it took past T', () => {
	assert.deepEqual(burstCostOf({firstStart: 1000, ends: [...ends(399, 1200), 1260], completed: 400}, shape), {loops: 2, connections: 200, rounds: 1, wallMs: 260, rampMs: 160});
	// Quicker than T (a jittered server): B is never negative.
	assert.equal(burstCostOf({firstStart: 1000, ends: ends(400, 1090), completed: 400}, shape)?.rampMs, 0);
});

test('burstCostOf: rounds, δ from the last round past T, B past rounds·(T+δ)', () => {
	// Three rounds of 400 ending at +250, +380, +510 (unsorted): δ = 130 − 100, B = 510 − 3·130.
	const times = {firstStart: 1000, ends: [...ends(400, 1510), ...ends(400, 1250), ...ends(400, 1380)], completed: 1200};
	assert.deepEqual(burstCostOf(times, {...shape, rounds: 3}), {loops: 2, connections: 200, rounds: 3, wallMs: 510, waitMs: 30, rampMs: 120});
	assert.equal(rampOfBurst({wallMs: 510, rounds: 3}, 100, 10), 180, 'B for another δ (a pilot\'s)');
});

test('burstRoundsOf: the whole rounds of a loop\'s share, one to four', () => {
	assert.deepEqual([burstRoundsOf(400, 400), burstRoundsOf(4000, 1000), burstRoundsOf(2500, 1000), burstRoundsOf(1_000_000, 1000), burstRoundsOf(0, 0)], [1, 4, 2, 4, 1]);
});

test('burstCostOf: a burst whose requests did not all complete, or that sent none, gives nothing', () => {
	assert.equal(burstCostOf({firstStart: 1000, ends: ends(400, 1260), completed: 399}, shape), undefined);
	assert.equal(burstCostOf({firstStart: 1000, ends: ends(399, 1260), completed: 400}, shape), undefined);
	assert.equal(burstCostOf({firstStart: Number.POSITIVE_INFINITY, ends: [], completed: 0}, {...shape, loops: 0}), undefined);
});
