import {test} from 'node:test';
import assert from 'node:assert/strict';
import {burstCostOf} from '../../source/calibration/burst-cost.js';

const shape = {loops: 2, connections: 200, latencyMs: 100};

test('burstCostOf: first start to last end, and B, what it took past T', () => {
	assert.deepEqual(burstCostOf({firstStart: 1000, lastEnd: 1260, completed: 400}, shape), {loops: 2, connections: 200, wallMs: 260, rampMs: 160});
	// Quicker than T (a jittered server): B is never negative.
	assert.equal(burstCostOf({firstStart: 1000, lastEnd: 1090, completed: 400}, shape)?.rampMs, 0);
});

test('burstCostOf: a burst whose requests did not all complete, or that sent none, gives nothing', () => {
	assert.equal(burstCostOf({firstStart: 1000, lastEnd: 1260, completed: 399}, shape), undefined);
	assert.equal(burstCostOf({firstStart: Number.POSITIVE_INFINITY, lastEnd: Number.NEGATIVE_INFINITY, completed: 0}, {...shape, loops: 0}), undefined);
});
