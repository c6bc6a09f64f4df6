import {test} from 'node:test';
import assert from 'node:assert/strict';
import {initialMetrics, reduce, toSnapshot, type MetricsAction, type MetricsState} from '../../source/metrics/reducer.js';
import {toResult} from '../../source/metrics/result.js';
import {sample, state, taskEnd, taskStart, workerUp} from '../helpers/events.js';
import {apply, frame, runInfo, T0} from '../helpers/metrics.js';

/** The JSON fields of the README, in its order. */
const FIELDS = [
	'mode',
	'runtime',
	'work',
	'requested',
	'completed',
	'failed',
	'cancelled',
	'wallMs',
	'pausedMs',
	'predictedMs',
	'bound',
	'model',
	'requestsPerSecond',
	'latencyMs',
	'failures',
	'cpu',
	'workers',
	'maxInFlight',
	'startupMs',
	'startup',
	'peakRssBytes',
];

const cpu = (t: number, perCore: number[]): MetricsAction => ({type: 'cpu', t, perCore});

/** Four tasks on two processes: two completed, one answered 500, one cancelled. */
function finishedRun(): MetricsState {
	const start = initialMetrics(runInfo({requested: 4}), T0, 2);
	return apply(
		reduce(start, {type: 'startup', startupMs: 50, t: T0 + 50}),
		[workerUp({worker: 0, t: T0 + 10, pid: 100}), workerUp({worker: 1, t: T0 + 20, pid: 101})],
		[
			taskStart({worker: 0, task: 0, t: T0 + 100}),
			state({worker: 0, t: T0 + 100, state: 'io'}),
			taskStart({worker: 1, task: 1, t: T0 + 100}),
			state({worker: 1, t: T0 + 100, state: 'io'}),
		],
		frame(T0 + 100),
		[sample({worker: 0, t: T0 + 150, rssBytes: 1000}), sample({worker: 1, t: T0 + 150, rssBytes: 2000})],
		cpu(T0 + 150, [0.5, 0.25]),
		frame(T0 + 200),
		[
			taskEnd({worker: 0, task: 0, t: T0 + 200, latencyMs: 100}),
			taskStart({worker: 0, task: 2, t: T0 + 200}),
			taskEnd({worker: 1, task: 1, t: T0 + 205, outcome: 'failed', status: 500, reason: 'status 500', latencyMs: 105}),
			taskStart({worker: 1, task: 3, t: T0 + 205}),
		],
		cpu(T0 + 250, [0.1, 0.05]),
		{type: 'status', status: 'cancelling', t: T0 + 250},
		[
			taskEnd({worker: 1, task: 3, t: T0 + 250, outcome: 'cancelled', latencyMs: 45}),
			state({worker: 1, t: T0 + 250, state: 'idle'}),
			taskEnd({worker: 0, task: 2, t: T0 + 300, latencyMs: 100}),
			state({worker: 0, t: T0 + 300, state: 'idle'}),
		],
		{type: 'status', status: 'cancelled', t: T0 + 400},
	);
}

test('toResult gives exactly the JSON fields of the README, from the final snapshot', () => {
	const result = toResult(toSnapshot(finishedRun(), T0 + 500), {startupMs: 50});
	assert.deepEqual(Object.keys(result), FIELDS);
	assert.deepEqual(result, {
		mode: 'processes',
		runtime: 'node',
		work: 'io',
		requested: 4,
		completed: 2,
		failed: 1,
		cancelled: 1,
		// First task handed out (+100) to the last one ended (+300).
		wallMs: 200,
		pausedMs: 0,
		// n·T/P = 4·100ms/2.
		predictedMs: 200,
		bound: 'latency',
		// No client calibration here: the CPU term of I/O is unknown.
		model: {latency: {ms: 200, formula: 'n·T/P = 4·100ms/2'}, cpu: null},
		// Three answers in 0.2 s (the cancel was not served).
		requestsPerSecond: 15,
		latencyMs: {p50: 100, p90: 105, p99: 105, max: 105},
		failures: {'status 500': 1},
		cpu: {cores: 2, utilisation: 0.225, perCore: [0.3, 0.15]},
		// Busy 200 of 290 ms, and 150 of 280 ms.
		workers: [{id: 0, tasks: 2, busyRatio: 0.69}, {id: 1, tasks: 2, busyRatio: 0.536}],
		maxInFlight: 2,
		startupMs: 50,
		startup: null,
		peakRssBytes: 3000,
	});
	assert.equal(result.completed + result.failed + result.cancelled, result.requested);
});

test('toResult adds the calibration of cpu runs, and takes an explicit wall time', () => {
	const snapshot = toSnapshot(finishedRun(), T0 + 500);
	const result = toResult(snapshot, {startupMs: 12.345, wallMs: 400, calibration: {cpuMs: 10, units: 2048, unitsPerMs: 204.8}});
	assert.deepEqual(Object.keys(result), [...FIELDS, 'calibration']);
	assert.deepEqual(result.calibration, {cpuMs: 10, units: 2048, unitsPerMs: 204.8});
	assert.equal(result.wallMs, 400);
	assert.equal(result.requestsPerSecond, 7.5);
	assert.equal(result.startupMs, 12.3);
});

test('toResult: percentiles are null when nothing was measured, and the client calibration is kept', () => {
	const start = initialMetrics(runInfo({requested: 1}), T0, 2);
	const s = apply(
		reduce(start, {type: 'startup', startupMs: 50, t: T0 + 50}),
		[workerUp({worker: 0, t: T0 + 10, pid: 100}), taskStart({worker: 0, task: 0, t: T0 + 100})],
		[taskEnd({worker: 0, task: 0, t: T0 + 200, outcome: 'failed', reason: 'timeout', latencyMs: 100})],
		{type: 'status', status: 'done', t: T0 + 300},
	);
	const clientCost = {requestMs: 0.045_12, connectMs: 0.16, serverMs: 0.03, mainMs: 0.01, loopMs: 0.06, connections: 100, requests: 1000};
	const result = toResult(toSnapshot(s, T0 + 300), {startupMs: 50, clientCost});
	assert.deepEqual(result.latencyMs, {p50: null, p90: null, p99: null, max: null});
	assert.deepEqual(result.clientCost, {requestMs: 0.0451, connectMs: 0.16, loopMs: 0.06, serverMs: 0.03, mainMs: 0.01, waitMs: null, pilot: null, burst: null});
	assert.equal(JSON.parse(JSON.stringify(result)).latencyMs.p50, null);
	// From a pilot of the run's pool: δ and the pilot's shape.
	const piloted = toResult(toSnapshot(s, T0 + 300), {startupMs: 50, clientCost: {...clientCost, waitMs: 12.345_67, pilot: {loops: 2, connections: 1000, requests: 4800}}});
	assert.deepEqual(piloted.clientCost, {requestMs: 0.0451, connectMs: 0.16, loopMs: 0.06, serverMs: 0.03, mainMs: 0.01, waitMs: 12.3457, pilot: {loops: 2, connections: 1000, requests: 4800}, burst: null});

	// From a burst of the pool's first round: its shape, its wall time and B, to 0.1 ms.
	const burst = toResult(toSnapshot(s, T0 + 300), {startupMs: 50, clientCost: {...clientCost, burst: {loops: 2, connections: 200, rounds: 2, wallMs: 431.26, waitMs: 0.04, rampMs: 231.18}}});
	assert.deepEqual(burst.clientCost?.burst, {loops: 2, connections: 200, rounds: 2, wallMs: 431.3, waitMs: 0, rampMs: 231.2});
});

test('toResult: CPU utilisation is null, not 0, when no CPU sample was taken during the run; one sample makes it a figure', () => {
	const run = [workerUp({worker: 0, t: T0 + 10, pid: 100}), taskStart({worker: 0, task: 0, t: T0 + 100}), taskEnd({worker: 0, task: 0, t: T0 + 160, latencyMs: 60})];
	const start = reduce(initialMetrics(runInfo({requested: 1}), T0, 2), {type: 'startup', startupMs: 50, t: T0 + 50});
	// A sample before the first task is shown live but is not the run's.
	const none = apply(start, cpu(T0 + 55, [0.5, 0.5]), run, {type: 'status', status: 'done', t: T0 + 200});
	const unsampled = toResult(toSnapshot(none, T0 + 200), {startupMs: 50});
	assert.deepEqual(unsampled.cpu, {cores: 2, utilisation: null, perCore: [null, null]});
	assert.equal(JSON.parse(JSON.stringify(unsampled)).cpu.utilisation, null);
	const one = apply(start, run.slice(0, 2), cpu(T0 + 130, [0.5, 0.25]), run.slice(2), {type: 'status', status: 'done', t: T0 + 200});
	assert.deepEqual(toResult(toSnapshot(one, T0 + 200), {startupMs: 50}).cpu, {cores: 2, utilisation: 0.375, perCore: [0.5, 0.25]});
});
