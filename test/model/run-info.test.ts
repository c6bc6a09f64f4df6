import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runInfoOf} from '../../source/model/run-info.js';
import {config} from '../ui/fixtures.js';

test('runInfoOf: the embedded target is T, a --urls target is its file name with no T', () => {
	assert.deepEqual(runInfoOf(3, config), {
		id: 3,
		mode: 'processes',
		work: 'io',
		requested: 400,
		target: 'T=100ms',
		latencyMs: 100,
		workers: 2,
		threads: 2,
		concurrency: 1000,
		cpuMs: 10,
		gil: false,
	});
	const urls = runInfoOf(0, {...config, target: {kind: 'urls', file: '/talk/demo-urls.txt', source: {count: 1, urlsOf: tasks => tasks.map(() => 'http://127.0.0.1:9/')}}});
	assert.equal(urls.target, 'demo-urls.txt');
	assert.ok(Number.isNaN(urls.latencyMs));
});
