import {test} from 'node:test';
import assert from 'node:assert/strict';
import {toSnapshot} from '../../source/metrics/reducer.js';
import type {BusEvent} from '../../source/events/events.js';
import type {ClientCost} from '../../source/model/client-cost.js';
import {sample, taskEnd, taskStart, workerUp} from '../helpers/events.js';
import {apply, frame, started, T0} from '../helpers/metrics.js';

const cost = (requestMs: number): ClientCost => ({requestMs, connectMs: 0.2, serverMs: 0.01, mainMs: 0.01, loopMs: requestMs, connections: 100, requests: 1000});

/** An async run of 4,000 tasks on one loop, with the given elu per 100 ms frame: the models of every frame and of the end. */
function asyncRun(elus: number[], clientCost: ClientCost) {
	const models: string[] = [];
	let s = apply(started({mode: 'async', requested: 4000, concurrency: 1000, clientCost}), [
		workerUp({worker: 0, t: T0 + 50}),
		...[0, 1, 2, 3].map(task => taskStart({worker: 0, task, t: T0 + 60})),
	]);
	for (const [i, elu] of elus.entries()) {
		const t = T0 + 100 + i * 100;
		s = apply(s, [sample({worker: 0, t: t - 10, elu, inFlight: 4})], frame(t));
		models.push(toSnapshot(s, t).model.bound);
	}

	const end = T0 + 100 + elus.length * 100;
	const ends: BusEvent[] = [0, 1, 2, 3].map(task => taskEnd({worker: 0, task, t: end}));
	models.push(toSnapshot(apply(s, ends, {type: 'status', status: 'done', t: end}), end).model.bound);
	return models;
}

test('the bound comes from the calibrated terms and never changes during the run or at its end', () => {
	// n·T/C + C·c₀ = 4,000·100ms/1,000 + 1,000·200µs = 600ms: C·c₀ + (n−C)·ℓ = 1,000·200µs + 3,000·160µs = 680ms is larger, with ℓ = 50µs 350ms is not.
	assert.deepEqual(asyncRun([0.95, 0.95, 0.95, 0.2], cost(0.16)), ['loop', 'loop', 'loop', 'loop', 'loop']);
	assert.deepEqual(asyncRun([0.95, 0.2, 0.2, 0.2, 0.2], cost(0.05)), ['latency', 'latency', 'latency', 'latency', 'latency', 'latency']);
});
