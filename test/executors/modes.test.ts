import assert from 'node:assert/strict';
import {after, describe, test} from 'node:test';
import type {Mode} from '../../source/config/config.js';
import {withServer} from '../helpers/server.js';
import {endsPerTask, endsPerWorker, harness, maxInFlight, ofType, runToEnd, SMALL} from './harness.js';

const T = 50;
const server = await withServer({latency: T});
const {requests: n, workers: P, threads: Th, concurrency: C} = SMALL;

type Expectation = {
	readonly workers: number;
	/** Exact largest in-flight count, or a range. */
	readonly inFlight: number | {min: number; max: number};
	readonly parallelism: number;
};

const expectations: Record<Mode, Expectation> = {
	sequential: {workers: 1, inFlight: 1, parallelism: 1},
	processes: {workers: P, inFlight: P, parallelism: P},
	threads: {workers: P, inFlight: P, parallelism: P},
	'processes-threads': {workers: P * Th, inFlight: P * Th, parallelism: P * Th},
	async: {workers: 1, inFlight: Math.min(C, n), parallelism: Math.min(C, n)},
	// Both loops busy at once, never more than P·C.
	'processes-async': {workers: P, inFlight: {min: C + 1, max: P * C}, parallelism: Math.min(P * C, n)},
};

for (const [mode, expected] of Object.entries(expectations) as Array<[Mode, Expectation]>) {
	describe(mode, () => {
		const h = harness(mode, server.url);
		after(async () => h.executor.close());
		let run: Awaited<ReturnType<typeof runToEnd>>;

		test(`runs ${n} tasks, all completed`, async () => {
			run = await runToEnd(h);
			assert.deepEqual(
				{requested: run.totals.requested, completed: run.totals.completed, failed: run.totals.failed, cancelled: run.totals.cancelled},
				{requested: n, completed: n, failed: 0, cancelled: 0},
			);
			assert.ok(run.startupMs > 0, `startupMs ${run.startupMs}`);
		});

		test('every worker of the pool comes up and does work', () => {
			const up = ofType(h.events, 'worker-up');
			assert.deepEqual(up.map(event => event.worker).sort((a, b) => a - b), Array.from({length: expected.workers}, (_, i) => i));
			const perWorker = endsPerWorker(h.events);
			for (let worker = 0; worker < expected.workers; worker++) {
				assert.ok((perWorker.get(worker) ?? 0) > 0, `worker ${worker} ended no task`);
			}

			assert.equal(h.executor.workers().length, expected.workers);
			const threadsPerProcess = mode === 'processes-threads' ? Th : 1;
			for (const event of up) {
				assert.equal(event.worker, event.process * threadsPerProcess + event.thread, 'worker id = p·Th + i');
			}

			if (mode.startsWith('processes')) {
				assert.equal(new Set(up.map(event => event.pid)).size, P, 'one pid per process');
				assert.ok(up.every(event => event.pid !== process.pid));
			} else {
				assert.ok(up.every(event => event.pid === process.pid));
			}
		});

		test(`the largest in-flight count is ${JSON.stringify(expected.inFlight)}`, () => {
			const max = maxInFlight(h.events);
			if (typeof expected.inFlight === 'number') {
				assert.equal(max, expected.inFlight);
			} else {
				assert.ok(max >= expected.inFlight.min && max <= expected.inFlight.max, `max in flight ${max}`);
			}
		});

		test('wall time is at least the model\'s lower bound n·T/parallelism', () => {
			const wall = run.totals.lastEndAt - run.totals.firstTaskAt;
			assert.ok(wall >= (n * T) / expected.parallelism, `wall ${wall.toFixed(1)} ms < ${(n * T) / expected.parallelism} ms`);
		});

		test('each task id ends exactly once', () => {
			const ends = endsPerTask(h.events);
			assert.equal(ends.size, n);
			for (let task = 0; task < n; task++) {
				assert.equal(ends.get(task), 1, `task ${task}`);
			}

			assert.equal(ofType(h.events, 'task-start').length, n);
		});

		test('events arrive in batches, far fewer than events', () => {
			assert.ok(h.receives * 2 <= h.events.length, `${h.receives} batches for ${h.events.length} events`);
		});

		test('workers report states and samples', () => {
			const states = new Set(ofType(h.events, 'state').map(event => event.state));
			assert.ok(states.has('io') && states.has('idle'), [...states].join());
			const samples = ofType(h.events, 'sample');
			for (let worker = 0; worker < expected.workers; worker++) {
				const mine = samples.filter(sample => sample.worker === worker);
				assert.ok(mine.length > 0, `no sample from worker ${worker}`);
				assert.ok(mine.every(sample => sample.rssBytes > 0 && sample.cpuMs >= 0 && sample.elu >= 0 && sample.elu <= 1));
			}
		});

		test('close() ends every worker, once', async () => {
			await h.executor.close();
			await h.executor.close();
			const exits = ofType(h.events, 'worker-exit');
			assert.equal(exits.length, expected.workers);
		});
	});
}

test('processes-async with P·C above n: the tasks are shared evenly, not taken by the first loop to ask', async () => {
	const h = harness('processes-async', server.url, {requests: n, workers: P, concurrency: n * 10});
	try {
		const {totals} = await runToEnd(h);
		assert.equal(totals.completed, n);
		assert.deepEqual([...endsPerWorker(h.events).values()], Array.from({length: P}, () => n / P));
	} finally {
		await h.executor.close();
	}
});
