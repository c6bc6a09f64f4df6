import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import type {Snapshot} from '../../../source/metrics/snapshot.js';
import {Model} from '../../../source/ui/panels/model-panel.js';
import {Stats} from '../../../source/ui/panels/stats.js';
import * as f from '../fixtures.js';

const frame = (element: React.ReactElement): string => render(element).lastFrame() ?? '';

/** Sequential at 20/s against T=100ms, 6 s in: 60 due, 60 sent at 10/s, latency from the intended start in seconds. */
const behind: Snapshot = {
	...f.processes,
	run: {...f.processes.run, mode: 'sequential', workers: 1},
	started: 61,
	completed: 60,
	failed: 0,
	inFlight: 1,
	maxInFlight: 1,
	throughput: 10,
	meanThroughput: 9.8,
	failures: [],
	latency: {p50: 1520, p90: 2730, p99: 3010, max: 3050, mean: 1530, count: 342},
	rate: {target: 20, achieved: 10.1, late: 58, backlog: 59, service: {p50: 101, p90: 103, p99: 110, max: 114, mean: 101, count: 342}, lateSends: 0, saturated: false},
	model: {predictedMs: 40_000, formula: 'n·T = 400·100ms = 40.0s', bound: 'latency', note: '', latency: null, cpu: null},
};

test('--rate: the requests panel shows the schedule against what was sent, the backlog, and both latencies', () => {
	assert.equal(
		frame(<Stats snapshot={behind} width={44} height={6} color={false} />),
		[
			'requests ──────────────────────── mean 9.8/s',
			'schedule   20/s  sent 10/s  late 58',
			'backlog    59 due, not sent yet',
			'latency    p50 1.5s  p90 2.7s  p99 3.0s',
			'service    p50 101ms  p90 103ms  p99 110ms',
			'in flight  1  peak 1',
		].join('\n'),
	);
});

test('--rate at 80×24\'s narrow panel: the lines shorten rather than wrap', () => {
	assert.equal(
		frame(<Stats snapshot={behind} width={36} height={5} color={false} />),
		[
			'requests ──────────────── mean 9.8/s',
			'schedule   20/s  sent 10/s  late 58',
			'backlog    59 due, not sent yet',
			'latency    p50 1.5s  p99 3.0s',
			'service    p50 101ms  p99 110ms',
		].join('\n'),
	);
});

test('--rate when the client cannot keep up: the model line says so beside the figures', () => {
	const model = {predictedMs: 10_000, formula: '(n−1)/R + T = 399/40/s + 100ms = 10.1s', bound: 'rate', note: 'the client fell behind the schedule: 312 sends late with a slot free', latency: null, cpu: null} as const;
	assert.equal(
		frame(<Model model={model} elapsedMs={6200} status="running" width={80} height={2} variant="line" color={false} />),
		[
			'model (n−1)/R + T = 399/40/s + 100ms = 10.1s   measured 6.2s so far   rate-bound',
			'! the client fell behind the schedule: 312 sends late with a slot free',
		].join('\n'),
	);
});

/** --rate 20 -m threads -p 4 -n 40, T=100ms, done in 2.1 s: the schedule, not n·T/W, bounds the time. */
const rateBound = {
	predictedMs: 2050,
	formula: '(n−1)/R + T = 39/20/s + 100ms = 2.1s',
	bound: 'rate',
	note: '',
	latency: {ms: 1000, symbol: 'n·T/W', numbers: '40·100ms/4'},
	cpu: null,
	rate: {ms: 2050, symbol: '(n−1)/R + T', numbers: '39/20/s + 100ms'},
} as const;

test('a rate-bound run: the model line shows the schedule term the measurement is compared with', () => {
	assert.equal(
		frame(<Model model={rateBound} elapsedMs={2080} status="done" width={80} height={2} variant="line" color={false} />),
		[
			'model latency n·T/W = 40·100ms/4 = 1.0s',
			'      rate    (n−1)/R + T = 2.1s   measured 2.1s (+1%)   rate-bound',
		].join('\n'),
	);
});

test('a rate-bound run with room for one line: the schedule, not the latency term, beside the measurement', () => {
	assert.equal(
		frame(<Model model={rateBound} elapsedMs={2080} status="done" width={80} height={1} variant="line" color={false} />),
		'model (n−1)/R + T = 39/20/s + 100ms = 2.1s   measured 2.1s (+1%)   rate-bound',
	);
});

test('a rate-bound run in the 160×48 block: the schedule is a term of its own, the one that bounds', () => {
	assert.equal(
		frame(<Model model={rateBound} elapsedMs={2080} status="done" width={56} height={6} variant="block" color={false} />),
		[
			'model ──────────────────────────── predicted vs measured',
			'latency    n·T/W = 40·100ms/4 = 1.0s',
			'rate       (n−1)/R + T = 39/20/s + 100ms = 2.1s',
			'measured   2.1s (+1%)',
			'bound by   the --rate schedule',
		].join('\n'),
	);
});

test('no answer timed yet (only failures, before any response): latency and service read —, as the JSON’s null, never 0.0ms', () => {
	const empty = {p50: 0, p90: 0, p99: 0, max: 0, mean: 0, count: 0};
	const refused: Snapshot = {...behind, completed: 0, failed: 4, failures: [['ECONNREFUSED', 4]], latency: empty, rate: {...behind.rate!, service: empty}};
	const lines = frame(<Stats snapshot={refused} width={44} height={6} color={false} />).split('\n');
	assert.deepEqual(lines.slice(3, 5), ['latency    —', 'service    —']);
	const closed = {...refused, rate: undefined};
	assert.equal(frame(<Stats snapshot={closed} width={60} height={6} color={false} />).split('\n')[3], 'latency    —');
});
