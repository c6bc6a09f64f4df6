import {test} from 'node:test';
import assert from 'node:assert/strict';
import {MIN_WINDOW, poolCostOf, readingAt, type CpuReading, type PilotEnd} from '../../source/calibration/pool-cost.js';

test('readingAt is linear between readings and clamps outside them', () => {
	const readings: CpuReading[] = [{t: 0, lane: 0, main: 0, server: 0}, {t: 10, lane: 20, main: 5, server: 10}, {t: 20, lane: 20, main: 5, server: 30}];
	assert.equal(readingAt(readings, 5, 'lane'), 10);
	assert.equal(readingAt(readings, 15, 'server'), 20);
	assert.equal(readingAt(readings, -5, 'lane'), 0);
	assert.equal(readingAt(readings, 25, 'main'), 5);
});

/** A pilot of `loops`×`connections` in flight whose requests end every `gap` ms, each after `trip` ms, at a steady CPU per request. */
function steadyPilot(requests: number, gap: number, trip: number): {readings: CpuReading[]; ends: PilotEnd[]} {
	const ends = Array.from({length: requests}, (_, i) => ({t: 1000 + i * gap, latencyMs: trip}));
	const span = requests * gap + 100;
	// Per ms of the pilot: lanes 1.5 ms of CPU, this process 0.1, the server 0.5 (two cores nearly full).
	const readings = Array.from({length: Math.ceil(span / 20) + 1}, (_, i) => ({t: 1000 + i * 20, lane: i * 20 * 1.5, main: i * 20 * 0.1, server: i * 20 * 0.5}));
	return {readings, ends};
}

test('poolCostOf: the steady window skips the ramp, the warm-up share and the drain, and gives each part\'s CPU, ℓ and δ per request', () => {
	// 2 loops × 100 connections, 2,200 requests one every 0.05 ms, each 112 ms, at T=100 ms.
	const {readings, ends} = steadyPilot(2200, 0.05, 112);
	const samples = [{t: 1040, elu: 0.9}, {t: 1060, elu: 0.7}, {t: 1200, elu: 0.1}];
	const cost = poolCostOf(readings, ends, samples, {loops: 2, connections: 100, latencyMs: 100})!;
	// opened 200; steady 2,200 − 400 = 1,800; from 200 + 1,080 = 1,280 to 2,200 − 200 − 1 = 1,999: 719 requests.
	assert.equal(cost.requests, 719);
	assert.equal(cost.loops, 2);
	assert.equal(cost.connections, 100);
	const close = (actual: number, expected: number, what: string): void => assert.ok(Math.abs(actual - expected) < 1e-9, `${what} ${actual} ≠ ${expected}`);
	close(cost.requestMs, 0.05 * 1.5, 'c');
	close(cost.mainMs, 0.05 * 0.1, 'm');
	close(cost.serverMs, 0.05 * 0.5, 's');
	// The samples inside the window (t 1064–1099.95): none, so the loops count as busy: ℓ = 0.05 ms × 2 loops.
	close(cost.loopMs, 0.1, 'ℓ');
	close(cost.waitMs, 12, 'δ');
});

test('poolCostOf: ℓ is the loops\' busy share of the wall time per request; δ is never below 0', () => {
	const {readings, ends} = steadyPilot(2200, 0.05, 80);
	const samples = [{t: 1070, elu: 0.5}, {t: 1090, elu: 0.7}];
	const cost = poolCostOf(readings, ends, samples, {loops: 2, connections: 100, latencyMs: 100})!;
	assert.ok(Math.abs(cost.loopMs - 0.1 * 0.6) < 1e-9, `ℓ ${cost.loopMs}`);
	assert.equal(cost.waitMs, 0);
});

test('poolCostOf: undefined when the window is shorter than MIN_WINDOW or the readings do not cover it', () => {
	const short = steadyPilot(200 + Math.floor(MIN_WINDOW / 0.4), 0.05, 100);
	assert.equal(poolCostOf(short.readings, short.ends, [], {loops: 1, connections: 100, latencyMs: 100}), undefined);
	const {readings, ends} = steadyPilot(2200, 0.05, 100);
	assert.equal(poolCostOf(readings.slice(0, 3), ends, [], {loops: 2, connections: 100, latencyMs: 100}), undefined);
	assert.equal(poolCostOf([], ends, [], {loops: 2, connections: 100, latencyMs: 100}), undefined);
});
