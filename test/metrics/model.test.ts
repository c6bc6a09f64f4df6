import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatDuration, predict, type ModelInput} from '../../source/metrics/model.js';

const base: ModelInput = {
	mode: 'sequential',
	work: 'io',
	requests: 400,
	latencyMs: 100,
	workers: 2,
	threads: 4,
	concurrency: 1000,
	cpuMs: 20,
	cores: 2,
};

const formula = (input: Partial<ModelInput>): [string, number, string] => {
	const m = predict({...base, ...input});
	return [m.formula, m.predictedMs, m.bound];
};

test('io: n·T divided by the requests in flight at once, in every mode', () => {
	assert.deepEqual(formula({mode: 'sequential'}), ['n·T = 400·100ms = 40.0s', 40_000, 'latency']);
	assert.deepEqual(formula({mode: 'processes'}), ['n·T/P = 400·100ms/2 = 20.0s', 20_000, 'latency']);
	assert.deepEqual(formula({mode: 'threads', workers: 8}), ['n·T/W = 400·100ms/8 = 5.0s', 5000, 'latency']);
	assert.deepEqual(formula({mode: 'processes-threads'}), ['n·T/(P·Th) = 400·100ms/(2·4) = 5.0s', 5000, 'latency']);
	assert.deepEqual(formula({mode: 'async', concurrency: 400}), ['n·T/C = 400·100ms/400 = 100ms', 100, 'latency']);
	assert.deepEqual(formula({mode: 'async', concurrency: 100}), ['n·T/C = 400·100ms/100 = 400ms', 400, 'latency']);
	assert.deepEqual(formula({mode: 'processes-async', concurrency: 100}), ['n·T/(P·C) = 400·100ms/(2·100) = 200ms', 200, 'latency']);
});

test('io: never more in flight than there are tasks', () => {
	assert.deepEqual(formula({mode: 'async'}), ['n·T/min(C,n) = 400·100ms/400 = 100ms', 100, 'latency']);
	assert.deepEqual(formula({mode: 'processes-async'}), ['n·T/min(P·C,n) = 400·100ms/400 = 100ms', 100, 'latency']);
	assert.deepEqual(formula({mode: 'processes', requests: 4, workers: 8}), ['n·T/min(P,n) = 4·100ms/4 = 100ms', 100, 'latency']);
	assert.deepEqual(formula({mode: 'async', requests: 4_000_000, concurrency: 1000}), [
		'n·T/C = 4,000,000·100ms/1,000 = 6m40s',
		400_000,
		'latency',
	]);
});

test('cpu: n·c divided by min(threads computing, cores)', () => {
	const cpu = {work: 'cpu', requests: 200} as const;
	assert.deepEqual(formula({...cpu, mode: 'sequential'}), ['n·c = 200·20ms = 4.0s', 4000, 'cpu']);
	assert.deepEqual(formula({...cpu, mode: 'processes'}), ['n·c/min(P,cores) = 200·20ms/2 = 2.0s', 2000, 'cpu']);
	assert.deepEqual(formula({...cpu, mode: 'threads', workers: 8}), ['n·c/min(W,cores) = 200·20ms/2 = 2.0s', 2000, 'cpu']);
	assert.deepEqual(formula({...cpu, mode: 'processes-threads', cores: 16}), ['n·c/min(P·Th,cores) = 200·20ms/8 = 500ms', 500, 'cpu']);
	assert.deepEqual(formula({...cpu, mode: 'async'}), ['n·c = 200·20ms = 4.0s', 4000, 'cpu']);
	assert.deepEqual(formula({...cpu, mode: 'processes-async', workers: 4, cores: 8}), ['n·c/min(P,cores) = 200·20ms/4 = 1.0s', 1000, 'cpu']);
	assert.deepEqual(formula({...cpu, mode: 'processes', requests: 1, workers: 8, cores: 4}), ['n·c/min(P,cores,n) = 1·20ms/1 = 20ms', 20, 'cpu']);
	assert.equal(predict({...base, ...cpu, mode: 'async'}).note, 'async does not help CPU work: one event loop computes one task at a time');
	assert.equal(predict({...base, ...cpu, mode: 'processes'}).note, '');
});

test('cpu with the GIL: one thread per process computes', () => {
	const gil = {work: 'cpu', requests: 200, gil: true, cores: 8} as const;
	const threads = predict({...base, ...gil, mode: 'threads', workers: 8});
	assert.deepEqual([threads.formula, threads.predictedMs, threads.note], ['n·c = 200·20ms = 4.0s', 4000, 'the GIL lets one thread compute at a time']);
	const pt = predict({...base, ...gil, mode: 'processes-threads'});
	assert.deepEqual([pt.formula, pt.predictedMs, pt.note], [
		'n·c/min(P,cores) = 200·20ms/2 = 2.0s',
		2000,
		'the GIL lets one thread per process compute at a time',
	]);
	// The GIL does not hold processes back.
	assert.equal(predict({...base, ...gil, mode: 'processes', workers: 8}).predictedMs, 500);
});

test('mixed: the larger of n·(T+c)/parallelism and n·c/min(threads, cores)', () => {
	const mixed = {work: 'mixed', cpuMs: 10} as const;
	assert.deepEqual(formula({...mixed, mode: 'processes'}), ['n·(T+c)/P = 400·(100ms+10ms)/2 = 22.0s', 22_000, 'latency']);
	assert.deepEqual(formula({...mixed, mode: 'sequential'}), ['n·(T+c) = 400·(100ms+10ms) = 44.0s', 44_000, 'latency']);
	assert.deepEqual(formula({...mixed, mode: 'async'}), ['n·c = 400·10ms = 4.0s', 4000, 'cpu']);
	assert.deepEqual(formula({...mixed, mode: 'threads', workers: 100, gil: true, cores: 8}), ['n·c = 400·10ms = 4.0s', 4000, 'cpu']);
});

test('URL files: T is the measured p50 once there is one, and the formula says so', () => {
	const urls = {mode: 'processes', latencyMs: Number.NaN} as const;
	assert.deepEqual(formula({...urls, measuredLatencyMs: 812}), ['n·T/P = 400·812ms/2 = 2m42s (T = measured p50)', 162_400, 'latency']);
	const unknown = predict({...base, ...urls});
	assert.ok(Number.isNaN(unknown.predictedMs));
	assert.equal(unknown.formula, 'n·T/P = 400·T/2 (T unknown until the first response)');
	// CPU work does not need T.
	assert.equal(predict({...base, ...urls, work: 'cpu'}).predictedMs, 4000);
});

test('formatDuration: ms below 1 s, seconds with one decimal below a minute, then minutes', () => {
	const cases: Array<[number, string]> = [
		[0, '0ms'],
		[0.4, '0.4ms'],
		[123.4, '123ms'],
		[999.4, '999ms'],
		[999.6, '1.0s'],
		[20_000, '20.0s'],
		[20_349, '20.3s'],
		[59_940, '59.9s'],
		[59_960, '1m00s'],
		[200_000, '3m20s'],
		[3_600_000, '1h00m'],
		[Number.NaN, '—'],
	];
	for (const [ms, text] of cases) {
		assert.equal(formatDuration(ms), text, `formatDuration(${ms})`);
	}
});

const cost = (requestMs: number, serverMs = 0.03) => ({requestMs, connectMs: 0.16, serverMs, mainMs: 0.01, loopMs: requestMs, connections: 100, requests: 1000});

test('io with the calibrated client: the latency term adds C·c₀ for a loop, the CPU term is a busy loop\'s C·c₀ + (n−C)·ℓ, n·c over blocking threads, or n·(c+s+m) over the cores', () => {
	const a = predict({...base, mode: 'async', requests: 20_000, clientCost: cost(0.045)});
	assert.deepEqual([a.formula, a.bound], ['n·T/C + C·c₀ = 20,000·100ms/1,000 + 1,000·160µs = 2.2s', 'latency']);
	assert.equal(a.predictedMs, 2160);
	assert.deepEqual(a.latency, {ms: 2160, symbol: 'n·T/C + C·c₀', numbers: '20,000·100ms/1,000 + 1,000·160µs'});
	assert.deepEqual(a.cpu, {ms: 1015, symbol: 'C·c₀ + (n−C)·ℓ', numbers: '1,000·160µs + 19,000·45µs', bound: 'loop'});

	// One event loop's own time as the larger term: the run is loop-bound.
	const loop = predict({...base, mode: 'async', requests: 20_000, clientCost: cost(0.15)});
	assert.deepEqual([loop.formula, loop.predictedMs, loop.bound], ['C·c₀ + (n−C)·ℓ = 1,000·160µs + 19,000·150µs = 3.0s', 3010, 'loop']);

	// Fewer requests than C: every request opens its connection.
	const short = predict({...base, mode: 'async', requests: 400, clientCost: cost(0.15)});
	assert.deepEqual(short.cpu, {ms: 64, symbol: 'min(C,n)·c₀', numbers: '400·160µs', bound: 'loop'});

	// A loop per core: the client and the embedded server share the cores.
	const pa = predict({...base, mode: 'processes-async', requests: 60_000, clientCost: cost(0.1, 0.06)});
	assert.deepEqual(pa.latency, {ms: 3160, symbol: 'n·T/(P·C) + C·c₀', numbers: '60,000·100ms/(2·1,000) + 1,000·160µs'});
	assert.deepEqual([pa.formula, pa.predictedMs, pa.bound], ['(n·(c+s+m) + P·C·(c₀−c))/cores = (60,000·(100µs+60µs+10µs) + 2,000·(160µs−100µs))/2 = 5.2s', 5160, 'cpu']);

	// A loop per core whose own formula wins: the term and the bound are the loop's, as in async (not `cpu`).
	const paLoop = predict({...base, mode: 'processes-async', requests: 60_000, clientCost: {...cost(0.05, 0.01), loopMs: 0.2}});
	assert.deepEqual([paLoop.formula, paLoop.bound, paLoop.cpu?.bound], ['C·c₀ + (n/P−C)·ℓ = 1,000·160µs + 29,000·200µs = 6.0s', 'loop', 'loop']);

	// Blocking workers: one request each, the CPU term is tiny beside n·T/W.
	const threads = predict({...base, mode: 'threads', workers: 4, clientCost: cost(0.05)});
	assert.deepEqual([threads.formula, threads.bound], ['n·T/W = 400·100ms/4 = 10.0s', 'latency']);
	assert.deepEqual(threads.cpu, {ms: 18, symbol: 'n·(c+s+m)/cores', numbers: '400·(50µs+30µs+10µs)/2', bound: 'cpu'});

	// Without a calibration (a URL file), the CPU term of I/O is unknown.
	assert.equal(predict({...base, mode: 'async'}).cpu, null);
	assert.equal(predict({...base, mode: 'async', work: 'cpu'}).latency, null);
});

test('io with a burst of the loops\' first round: B, what it took past T, is the ramp of the latency and loop terms (in place of C·c₀)', () => {
	const burst = {loops: 2, connections: 200, rounds: 1, wallMs: 230, rampMs: 130};
	const pa = predict({...base, mode: 'processes-async', requests: 400, clientCost: {...cost(0.05), burst}});
	assert.deepEqual([pa.formula, pa.predictedMs, pa.bound], ['n·T/min(P·C,n) + B = 400·100ms/400 + 130ms = 230ms', 230, 'latency']);
	assert.deepEqual(pa.cpu, {ms: 130, symbol: 'B', numbers: '130ms', bound: 'loop'});

	const a = predict({...base, mode: 'async', requests: 4000, clientCost: {...cost(0.2), burst: {loops: 1, connections: 1000, rounds: 4, wallMs: 700, rampMs: 300}}});
	assert.deepEqual(a.latency, {ms: 700, symbol: 'n·T/C + B', numbers: '4,000·100ms/1,000 + 300ms'});
	assert.deepEqual([a.formula, a.bound], ['B + (n−C)·ℓ = 300ms + 3,000·200µs = 900ms', 'loop']);

	// A burst of another shape (another n or C) says nothing of this run's ramp: C·c₀ from the lane calibration.
	const other = predict({...base, mode: 'processes-async', requests: 4000, clientCost: {...cost(0.05), burst}});
	assert.equal(other.latency?.symbol, 'n·T/(P·C) + C·c₀');
});

test('io with a burst of several rounds: δ from its last round, B past rounds·(T+δ); a pilot\'s δ, where there is one, recomputes B', () => {
	const burst = {loops: 1, connections: 1000, rounds: 4, wallMs: 700, waitMs: 40, rampMs: 140};
	const a = predict({...base, mode: 'async', requests: 4000, clientCost: {...cost(0.05), burst}});
	assert.deepEqual(a.latency, {ms: 700, symbol: 'n·(T+δ)/C + B', numbers: '4,000·(100ms+40ms)/1,000 + 140ms'});
	assert.deepEqual([a.predictedMs, a.bound, a.note, a.noteParams], [700, 'latency', 'δ {wait}: what each round took past T, its loop and the server busy (a burst measured it)', {wait: '40ms'}]);

	// Ten rounds: the six past the burst's four at T+δ each.
	assert.equal(predict({...base, mode: 'async', requests: 10_000, clientCost: {...cost(0.05), burst}}).predictedMs, 700 + 6 * 140);

	const piloted = predict({...base, mode: 'async', requests: 4000, clientCost: {...cost(0.05), burst, waitMs: 10, pilot: {loops: 1, connections: 1000, requests: 4000}}});
	assert.deepEqual(piloted.latency, {ms: 700, symbol: 'n·(T+δ)/C + B', numbers: '4,000·(100ms+10ms)/1,000 + 260ms'});
});

test('io with a pilot of the pool: the latency term counts T+δ, and the verdict\'s note says what each request waited for busy cores', () => {
	const piloted = {...cost(0.07, 0.03), waitMs: 25, pilot: {loops: 2, connections: 1000, requests: 4800}};
	const pa = predict({...base, mode: 'processes-async', requests: 60_000, clientCost: piloted});
	assert.deepEqual(pa.latency, {ms: 3910, symbol: 'n·(T+δ)/(P·C) + C·c₀', numbers: '60,000·(100ms+25ms)/(2·1,000) + 1,000·160µs'});
	assert.deepEqual([pa.formula, pa.predictedMs, pa.bound], ['n·(T+δ)/(P·C) + C·c₀ = 60,000·(100ms+25ms)/(2·1,000) + 1,000·160µs = 3.9s', 3910, 'latency']);
	assert.deepEqual([pa.note, pa.noteParams], ['δ {wait}: what each request waited past T for busy cores (a pilot measured it)', {wait: '25ms'}]);

	// A δ under a tenth of T is not worth a note; the formula still shows it.
	const small = predict({...base, mode: 'async', requests: 20_000, clientCost: {...piloted, waitMs: 9}});
	assert.equal(small.formula, 'n·(T+δ)/C + C·c₀ = 20,000·(100ms+9ms)/1,000 + 1,000·160µs = 2.3s');
	assert.equal(small.note, '');

	// Where the CPU term wins, the verdict is the cores', without the note.
	const cpu = predict({...base, mode: 'processes-async', requests: 60_000, clientCost: {...piloted, requestMs: 0.2, loopMs: 0.2}});
	assert.equal(cpu.bound, 'cpu');
	assert.equal(cpu.note, '');
});
