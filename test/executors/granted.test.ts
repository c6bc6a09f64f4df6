import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {MODES} from '../../source/config/config.js';
import {withServer} from '../helpers/server.js';
import {endsPerTask, harness, ofType, runToEnd} from './harness.js';

const server = await withServer({latency: 5});

describe('a granted target (a --urls file): each task\'s URL comes with its grant', () => {
	for (const mode of MODES) {
		test(`${mode}: every task fetched at the URL granted with it, once`, async () => {
			const asked: number[][] = [];
			const h = harness(mode, server.url, {
				requests: 30,
				urlsOf(tasks) {
					asked.push([...tasks]);
					return tasks.map(task => `${server.url}/r/${1000 + task}`);
				},
				workload: {target: {kind: 'granted'}},
			});
			try {
				const before = server.served;
				const {totals} = await runToEnd(h);
				assert.equal(totals.completed, 30);
				assert.equal(server.served - before, 30);
				assert.deepEqual(asked.flat().sort((a, b) => a - b), Array.from({length: 30}, (_, i) => i));
				assert.ok([...endsPerTask(h.events).values()].every(count => count === 1));
				assert.equal(ofType(h.events, 'task-end').filter(event => event.status === 200).length, 30);
			} finally {
				await h.executor.close();
			}
		});
	}
});
