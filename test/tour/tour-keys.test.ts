import assert from 'node:assert/strict';
import {test} from 'node:test';
import {tourKeyToAction} from '../../source/tour/tour-keys.js';

test('a clicker’s keys: → PageDown Enter next, ← PageUp back, r rerun', () => {
	assert.deepEqual(tourKeyToAction('', {rightArrow: true}), {type: 'next'});
	assert.deepEqual(tourKeyToAction('', {pageDown: true}), {type: 'next'});
	assert.deepEqual(tourKeyToAction('\r', {return: true}), {type: 'next'});
	assert.deepEqual(tourKeyToAction('', {leftArrow: true}), {type: 'previous'});
	assert.deepEqual(tourKeyToAction('', {pageUp: true}), {type: 'previous'});
	assert.deepEqual(tourKeyToAction('r', {}), {type: 'rerun'});
});

test('every other key goes to the dashboard (space, q, 1–6, n, g…)', () => {
	for (const input of [' ', 'q', '1', '5', 'n', 'g', 'c', '?', 'w']) {
		assert.equal(tourKeyToAction(input, {}), null, input);
	}

	assert.equal(tourKeyToAction('r', {ctrl: true}), null);
});
