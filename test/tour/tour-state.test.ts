import assert from 'node:assert/strict';
import {test} from 'node:test';
import {initialTourState, tourReducer, type TourAction} from '../../source/tour/tour-state.js';

const run = (actions: readonly TourAction['type'][], count = 3) =>
	actions.reduce((state, type) => tourReducer(state, {type}), initialTourState(count));

test('next and previous move one scene and stop at the ends', () => {
	assert.equal(run(['next']).index, 1);
	assert.equal(run(['next', 'next', 'next', 'next']).index, 2);
	assert.equal(run(['previous']).index, 0);
	assert.equal(run(['next', 'next', 'previous']).index, 1);
});

test('every start of a scene (move or rerun) is a new take; a move past an end is not', () => {
	const start = initialTourState(3);
	assert.equal(start.take, 1);
	assert.equal(tourReducer(start, {type: 'previous'}), start);
	const rerun = tourReducer(start, {type: 'rerun'});
	assert.deepEqual([rerun.index, rerun.take], [0, 2]);
	const last = run(['next', 'next']);
	assert.equal(tourReducer(last, {type: 'next'}), last);
});

test('end is final', () => {
	const ended = run(['next', 'end']);
	assert.equal(ended.ended, true);
	assert.equal(tourReducer(ended, {type: 'next'}), ended);
	assert.equal(ended.index, 1);
});
