import {test} from 'node:test';
import assert from 'node:assert/strict';
import {toSnapshot} from '../../source/metrics/reducer.js';
import type {BusEvent} from '../../source/events/events.js';
import {sample, taskEnd, taskStart, workerUp} from '../helpers/events.js';
import {apply, frame, started, T0} from '../helpers/metrics.js';

/** An async run of 4 tasks on one loop, with the given elu per 100 ms frame. */
function asyncRun(elus: number[]) {
	let s = apply(started({mode: 'async', requested: 4}), [
		workerUp({worker: 0, t: T0 + 50}),
		...[0, 1, 2, 3].map((task) => taskStart({worker: 0, task, t: T0 + 60})),
	]);
	for (const [i, elu] of elus.entries()) {
		const t = T0 + 100 + i * 100;
		s = apply(s, [sample({worker: 0, t: t - 10, elu, inFlight: 4})], frame(t));
	}

	const end = T0 + 100 + elus.length * 100;
	const ends: BusEvent[] = [0, 1, 2, 3].map((task) => taskEnd({worker: 0, task, t: end}));
	return toSnapshot(apply(s, ends, {type: 'status', status: 'done', t: end}), end).model;
}

test('a run is loop-bound when its loop was saturated for at least half the frames it worked', () => {
	assert.equal(asyncRun([0.95, 0.95, 0.95, 0.2]).bound, 'loop');
});

test('one saturated sample does not make the whole run loop-bound', () => {
	const model = asyncRun([0.95, 0.2, 0.2, 0.2, 0.2]);
	assert.equal(model.bound, 'latency');
	assert.equal(model.note, '');
});
