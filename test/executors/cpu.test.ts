import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {calibrateCpu} from '../../source/workloads/cpu.js';
import {withServer} from '../helpers/server.js';
import {harness, ofType, runToEnd} from './harness.js';

const server = await withServer({latency: 10});
const {units} = calibrateCpu(2);

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
});
