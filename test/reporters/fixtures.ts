import type {RunResult} from '../../source/metrics/snapshot.js';

/** A finished io run on two processes, as toResult writes it. */
export const result: RunResult = {
	mode: 'processes',
	work: 'io',
	requested: 400,
	completed: 400,
	failed: 0,
	cancelled: 0,
	wallMs: 20_312.4,
	pausedMs: 0,
	predictedMs: 20_000,
	bound: 'latency',
	model: {latency: {ms: 20_000, formula: 'n·T/P = 400·100ms/2'}, cpu: null},
	requestsPerSecond: 19.7,
	latencyMs: {p50: 101.2, p90: 102.9, p99: 104.1, max: 110.5},
	failures: {},
	cpu: {cores: 2, utilisation: 0.031, perCore: [0.04, 0.022]},
	workers: [
		{id: 0, tasks: 200, busyRatio: 0.991},
		{id: 1, tasks: 200, busyRatio: 0.99},
	],
	maxInFlight: 2,
	startupMs: 48.2,
	startup: {kind: 'process', workers: 2, perWorkerMs: 24.1, perWorkerBytes: 52_428_800},
	peakRssBytes: 123_456_789,
};

/** A cancelled async run with failures. */
export const asyncResult: RunResult = {
	...result,
	mode: 'async',
	requested: 4000,
	completed: 3500,
	failed: 120,
	cancelled: 380,
	wallMs: 1234.5,
	pausedMs: 0,
	predictedMs: 400,
	requestsPerSecond: 2932.5,
	latencyMs: {p50: 104.3, p90: 180, p99: 250.7, max: 300},
	failures: {'status 500': 100, timeout: 20},
	cpu: {cores: 8, utilisation: 0.125, perCore: [1, 0, 0, 0, 0, 0, 0, 0]},
	workers: [{id: 0, tasks: 4000, busyRatio: 1}],
	maxInFlight: 1000,
	startupMs: 3.1,
};
