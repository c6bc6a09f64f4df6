import {test} from 'node:test';
import assert from 'node:assert/strict';
import {setTimeout as delay} from 'node:timers/promises';
import type {RunConfig} from '../../source/config/config.js';
import type {BusEvent} from '../../source/events/events.js';
import {lagFor, METRICS_LAG_MS, startRun} from '../../source/run/run.js';
import {withServer} from '../helpers/server.js';
import {config as base} from '../ui/fixtures.js';

const cores = 2;
const idleCpu = (): readonly number[] => [0, 0];

async function server() {
	const s = await withServer({latency: 20});
	return s.url;
}

test('a run ends every task, and its snapshots go starting → running → done', async () => {
	const baseUrl = await server();
	const config: RunConfig = {...base, mode: 'threads', requests: 30, workers: 2};
	const run = startRun({id: 1, config, baseUrl, calibration: undefined, cores, sampleCpu: idleCpu});
	assert.equal(run.info.mode, 'threads');
	assert.equal(run.info.requested, 30);
	const statuses = [run.frame([0, 0]).status];
	const result = await run.done;
	statuses.push(run.frame([0, 0]).status);
	assert.deepEqual(statuses, ['starting', 'done']);
	assert.equal(result.completed, 30);
	assert.equal(result.completed + result.failed + result.cancelled, result.requested);
	assert.ok(result.startupMs >= 0);
});

test('cancel mid-run counts the rest as cancelled and the run still resolves', async () => {
	const baseUrl = await server();
	const config: RunConfig = {...base, mode: 'processes', requests: 400, workers: 2};
	const run = startRun({id: 2, config, baseUrl, calibration: undefined, cores, sampleCpu: idleCpu});
	while (run.frame([0, 0]).completed < 4) {
		await delay(20);
	}

	run.cancel();
	run.cancel();
	const result = await run.done;
	assert.ok(result.cancelled > 0, 'some tasks were cancelled');
	assert.equal(result.completed + result.failed + result.cancelled, 400);
	assert.equal(run.frame([0, 0]).status, 'cancelled');
});

test('pause stops handing out tasks until resume; onEvents sees the bus', async () => {
	const baseUrl = await server();
	const events: BusEvent[] = [];
	const config: RunConfig = {...base, mode: 'async', requests: 50, concurrency: 5};
	const run = startRun({id: 3, config, baseUrl, calibration: undefined, cores, sampleCpu: idleCpu, onEvents: (batch) => events.push(...batch)});
	run.pause();
	assert.equal(run.paused, true);
	await delay(300);
	const whilePaused = events.filter((e) => e.type === 'task-start').length;
	assert.ok(whilePaused <= 5, `at most one loop's worth started while paused, saw ${whilePaused}`);
	run.resume();
	const result = await run.done;
	assert.equal(result.completed, 50);
	assert.equal(events.filter((e) => e.type === 'task-end').length, 50);
	assert.ok(events.some((e) => e.type === 'worker-up'));
});

test('events are applied a kernel later for CPU work, and with the GIL as many kernels later as threads share it', () => {
	assert.equal(lagFor({...base, work: 'io'}), METRICS_LAG_MS);
	assert.equal(lagFor({...base, mode: 'threads', work: 'cpu', cpuMs: 10}), METRICS_LAG_MS + 10);
	assert.equal(lagFor({...base, mode: 'threads', work: 'cpu', cpuMs: 300, workers: 2, gil: true}), METRICS_LAG_MS + 600, 'a thread waits for the other’s kernel, then runs its own');
	assert.equal(lagFor({...base, mode: 'processes-threads', work: 'mixed', cpuMs: 300, threads: 4, gil: true}), METRICS_LAG_MS + 1200);
	assert.equal(lagFor({...base, mode: 'processes', work: 'cpu', cpuMs: 300, gil: true}), METRICS_LAG_MS + 300, 'no threads share a process');
	assert.equal(lagFor({...base, mode: 'threads', work: 'cpu', cpuMs: 60_000}), METRICS_LAG_MS + 5000, 'never more than 5 s late');
});
