import assert from 'node:assert/strict';
import {setTimeout as delay} from 'node:timers/promises';
import {describe, test} from 'node:test';
import {createSchedule, intendedAt, LATE_MS} from '../../source/schedule/schedule.js';
import {withServer} from '../helpers/server.js';
import {harness, ofType, runToEnd} from './harness.js';

const fast = await withServer({latency: 20});
const slow = await withServer({latency: 100});

/** Each task's send time minus its intended start, ms, by task id. */
function lateness(events: Parameters<typeof ofType>[0], schedule: ReturnType<typeof createSchedule>): number[] {
	const out: number[] = [];
	for (const e of ofType(events, 'task-start')) {
		out[e.task] = e.t - intendedAt(schedule.table!, e.task);
	}

	return out;
}

describe('--rate: the dispatcher hands task i out at t0 + i/R', () => {
	test('async at 50/s against T=20ms (it keeps up): no task before its time, most sends on time, achieved within 5% of R', async () => {
		const n = 50;
		const schedule = createSchedule(n, 50);
		const h = harness('async', fast.url, {requests: n, workers: 1, concurrency: 100, schedule});
		try {
			const {totals} = await runToEnd(h);
			assert.equal(totals.completed, n);
			const late = lateness(h.events, schedule);
			assert.equal(late.filter(x => x !== undefined).length, n, 'every task started once');
			assert.ok(late.every(x => x > -1), `none early: ${Math.min(...late).toFixed(2)} ms`);
			const onTime = late.filter(x => x <= LATE_MS).length;
			assert.ok(onTime >= n / 2, `${onTime}/${n} sent within ${LATE_MS} ms of their intended start`);
			// The achieved rate as the slope of send time against task id (Theil–Sen: the median of pairwise slopes),
			// so that a few sends a machine under load delays do not decide it.
			const starts = new Map(ofType(h.events, 'task-start').map(e => [e.task, e.t]));
			const slopes: number[] = [];
			for (let i = 0; i < n; i++) {
				for (let j = i + 1; j < n; j++) {
					slopes.push((starts.get(j)! - starts.get(i)!) / (j - i));
				}
			}

			slopes.sort((a, b) => a - b);
			const achieved = 1000 / slopes[Math.floor(slopes.length / 2)]!;
			assert.ok(Math.abs(achieved - 50) <= 50 * 0.05, `achieved ${achieved.toFixed(2)}/s`);
		} finally {
			await h.executor.close();
		}
	});

	test('sequential at 20/s against T=100ms (it cannot keep up): each send later than the one before, service still ≈ T', async () => {
		const n = 12;
		const schedule = createSchedule(n, 20);
		const h = harness('sequential', slow.url, {requests: n, workers: 1, schedule});
		try {
			const {totals} = await runToEnd(h);
			assert.equal(totals.completed, n);
			const late = lateness(h.events, schedule);
			for (let i = 2; i < n; i++) {
				assert.ok(late[i]! > late[i - 1]!, `task ${i} ${late[i]!.toFixed(0)} ms late, task ${i - 1} ${late[i - 1]!.toFixed(0)} ms`);
			}

			// Each send waits for the previous answer (≥ 100 ms) against a 50 ms step: ≥ 50 ms more behind each time.
			assert.ok(late[n - 1]! >= 50 * (n - 1) - 5, `last ${late[n - 1]!.toFixed(0)} ms late`);
			assert.ok(ofType(h.events, 'task-end').every(e => e.latencyMs >= 100), 'service from the actual send');
		} finally {
			await h.executor.close();
		}
	});

	test('cancel ends the schedule: the run resolves with every task counted, nothing handed out after it', async () => {
		const n = 1000;
		const schedule = createSchedule(n, 10);
		const h = harness('threads', fast.url, {requests: n, workers: 2, schedule});
		try {
			await h.executor.start();
			const run = h.executor.run();
			await delay(250);
			h.executor.cancel();
			const totals = await run;
			assert.equal(totals.completed + totals.failed + totals.cancelled, n);
			const starts = ofType(h.events, 'task-start').length;
			assert.ok(starts >= 1 && starts <= 10, `${starts} started in 250 ms at 10/s`);
			await delay(300);
			assert.equal(ofType(h.events, 'task-start').length, starts, 'no task started after the cancel');
		} finally {
			await h.executor.close();
		}
	});
});
