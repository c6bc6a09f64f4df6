import {test} from 'node:test';
import assert from 'node:assert/strict';
import {runCli} from '../helpers/cli.js';

type Result = {
	mode: string; requested: number; completed: number; failed: number; cancelled: number;
	latencyMs: {p50: number; p99: number; max: number}; serviceMs: {p50: number; p99: number; max: number};
	rate: {target: number; achieved: number; late: number};
};

async function rated(args: string[]): Promise<Result> {
	const {code, stdout, stderr} = await runCli(['--json', ...args]);
	assert.equal(code, 0, stderr);
	return JSON.parse(stdout) as Result;
}

test('--rate with a client that keeps up (async, 40/s, T=20ms): achieved near R (never above), latency ≥ service', async () => {
	const r = await rated(['-m', 'async', '-n', '40', '--rate', '40', '--latency', '20']);
	assert.equal(r.completed, 40);
	assert.equal(r.rate.target, 40);
	// Within 5% on a quiet machine (the executor and reducer tests check the schedule itself); 10% here, where the last send's delay decides it.
	assert.ok(r.rate.achieved <= 40.05 && r.rate.achieved >= 36, `achieved ${r.rate.achieved}/s`);
	assert.ok(r.serviceMs.p50 >= 20 && r.latencyMs.p50 >= r.serviceMs.p50, JSON.stringify(r));
});

test('--rate 20 in sequential against T=100ms: the backlog grows, latency from the intended start climbs past a second, service stays ≈ T', async () => {
	const r = await rated(['-m', 'sequential', '-n', '30', '--rate', '20', '--latency', '100']);
	assert.equal(r.completed + r.failed + r.cancelled, r.requested);
	assert.ok(r.rate.late >= 25, `${r.rate.late} late of 30`);
	assert.ok(r.rate.achieved < 15, `achieved ${r.rate.achieved}/s: one at a time, ≤ 10/s`);
	// Task i waits ≥ 50·i ms behind its intended start: the last ≥ 1.45 s.
	assert.ok(r.latencyMs.max >= 1400, `latency max ${r.latencyMs.max} ms`);
	assert.ok(r.serviceMs.p50 >= 100 && r.serviceMs.p50 < r.latencyMs.p50, JSON.stringify(r));
});

test('--rate in every mode with compare: the accounting holds, each result has its schedule', async () => {
	const {code, stdout, stderr} = await runCli(['compare', '--json', '-n', '12', '--rate', '100', '--latency', '20', '-p', '2', '--threads', '2', '-c', '8']);
	assert.equal(code, 0, stderr);
	const results = JSON.parse(stdout) as Result[];
	assert.equal(results.length, 6);
	for (const r of results) {
		assert.equal(r.completed + r.failed + r.cancelled, 12, r.mode);
		assert.equal(r.rate.target, 100, r.mode);
		assert.ok(r.rate.achieved > 0 && r.serviceMs.p50 > 0, r.mode);
	}
});

for (const [value, message] of [['0', /^concviz: --rate must be more than 0 requests\/s, got 0$/], ['-3', /^concviz: --rate must be more than 0 requests\/s, got -3$/], ['2e6', /^concviz: --rate must be at most 1000000 requests\/s, got 2000000$/], ['fast', /^concviz: --rate must be a number, got 'fast'$/]] as const) {
	test(`--rate ${value}: exit 2, one line`, async () => {
		const {code, stdout, stderr} = await runCli(['--rate', value]);
		assert.equal(code, 2);
		assert.equal(stdout, '');
		assert.match(stderr.trimEnd(), message);
		assert.equal(stderr.trimEnd().split('\n').length, 1);
	});
}
