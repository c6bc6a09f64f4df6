import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {calibrateCpu} from '../../source/workloads/cpu.js';
import {withServer} from '../helpers/server.js';
import {harness, ofType, runToEnd} from './harness.js';

const server = await withServer({latency: 10});
const {units} = calibrateCpu(2);

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) {
			throw new Error(`no ${what} within ${timeoutMs / 1000} s`);
		}

		await delay(10);
	}
}

describe('cpu work', () => {
	for (const mode of ['threads', 'processes'] as const) {
		test(`${mode}: cpu tasks complete and use CPU`, async () => {
			const h = harness(mode, server.url, {workload: {work: 'cpu', cpuUnits: units}});
			try {
				const {totals} = await runToEnd(h);
				assert.equal(totals.completed, 40);
				assert.ok(ofType(h.events, 'state').some(event => event.state === 'computing'));
				const cpuMs = ofType(h.events, 'sample').reduce((sum, sample) => sum + sample.cpuMs, 0);
				assert.ok(cpuMs > 0, 'samples report no CPU');
			} finally {
				await h.executor.close();
			}
		});
	}

	test('--gil in threads: lanes wait for the GIL', async () => {
		const h = harness('threads', server.url, {gil: true, workload: {work: 'cpu', cpuUnits: units}});
		try {
			const {totals} = await runToEnd(h);
			assert.equal(totals.completed, 40);
			assert.ok(ofType(h.events, 'state').some(event => event.state === 'gil'));
		} finally {
			await h.executor.close();
		}
	});

	test('--gil in processes-threads: mixed work completes with GIL states', async () => {
		const h = harness('processes-threads', server.url, {gil: true, workload: {work: 'mixed', cpuUnits: units}});
		try {
			const {totals} = await runToEnd(h);
			assert.equal(totals.completed, 40);
			assert.ok(ofType(h.events, 'state').some(event => event.state === 'gil'));
		} finally {
			await h.executor.close();
		}
	});

	test('async: one event loop computes its tasks one at a time, reporting and hearing a cancel between kernels', async () => {
		const requests = 400;
		const h = harness('async', server.url, {requests, concurrency: requests, workload: {work: 'cpu', cpuUnits: units}});
		try {
			await h.executor.start();
			const run = h.executor.run();
			const completed = () => ofType(h.events, 'task-end').filter(event => event.outcome === 'completed');
			// Ends and samples reach the main thread while the loop still computes the rest.
			await until(() => {
				const first = completed()[0];
				return first !== undefined && completed().length >= 10 && ofType(h.events, 'sample').some(sample => sample.t > first.t && sample.inFlight > 0);
			}, 'task-end and sample while computing');
			h.executor.cancel();
			const totals = await run;
			assert.equal(totals.completed + totals.failed + totals.cancelled, requests);
			assert.ok(totals.completed >= 10 && totals.cancelled > 0, JSON.stringify(totals));
			const ends = completed().map(event => event.t);
			assert.deepEqual(ends, ends.toSorted((a, b) => a - b), 'tasks ended out of order');
		} finally {
			await h.executor.close();
		}
	});
});
