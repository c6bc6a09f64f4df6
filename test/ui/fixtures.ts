import {requestCycle} from '../../source/config/config-cycle.js';
import type {RunConfig} from '../../source/config/config.js';
import {runInfoOf} from '../../source/model/run-info.js';
import type {CompareView, View} from '../../source/view/contract.js';
import type {CpuSnapshot, LaneSnapshot, LaneState, RunResult, Snapshot} from '../../source/metrics/snapshot.js';

const codes: Record<string, LaneState> = {c: 'computing', i: 'io', g: 'gil', s: 'split', '.': 'idle', x: 'dead'};

/** Slices from a pattern: c computing, i io, g gil, . idle, x dead. */
export const slices = (pattern: string): LaneState[] => [...pattern].map((ch) => codes[ch]!);

export const config: RunConfig = {
	mode: 'processes',
	work: 'io',
	requests: 400,
	target: {kind: 'embedded'},
	latency: 100,
	jitter: 0,
	workers: 2,
	threads: 2,
	concurrency: 1000,
	cpuMs: 10,
	timeout: 10_000,
	gil: false,
	failRate: 0,
	bodyBytes: 1024,
	seed: 1,
	fps: 10,
	color: true,
	json: false,
	record: undefined,
};

export function lane(worker: number, pattern: string, extra: Partial<LaneSnapshot> = {}): LaneSnapshot {
	const s = slices(pattern);
	return {
		worker,
		process: worker,
		thread: 0,
		pid: 1000 + worker,
		slices: s,
		state: s.at(-1) ?? 'idle',
		tasks: 10 * (worker + 1),
		inFlight: s.at(-1) === 'io' ? 1 : 0,
		busyRatio: 0.9,
		elu: null,
		cpu: 0.02,
		...extra,
	};
}

export const cpu4: CpuSnapshot = {
	cores: 4,
	perCore: [0.28, 0.12, 0.02, 0.5],
	history: [
		[0.1, 0.2, 0.3, 0.28],
		[0.1, 0.1, 0.15, 0.12],
		[0, 0, 0.05, 0.02],
		[0.5, 0.6, 0.5, 0.5],
	],
	utilisation: 0.15,
	perCoreMean: [0.2, 0.1, 0.02, 0.4],
	client: 0.04,
	final: false,
	sampled: true,
};

const io60 = 'iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiic';

export const processes: Snapshot = {
	run: {
		id: 1,
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
	},
	status: 'running',
	t: 1_700_000_000_000,
	elapsedMs: 6200,
	pausedMs: 0,
	startupMs: 312,
	startup: null,
	started: 126,
	completed: 121,
	failed: 3,
	cancelled: 0,
	inFlight: 2,
	maxInFlight: 2,
	throughput: 19.6,
	throughputHistory: [0, 5, 12, 18, 20, 19, 20, 20, 19, 20],
	meanThroughput: 19.4,
	etaMs: 14_100,
	latency: {p50: 101, p90: 104, p99: 112, max: 130, mean: 102, count: 400},
	failures: [
		['status 500', 2],
		['timeout', 1],
	],
	cpu: cpu4,
	lanes: [lane(0, io60 + 'ii'), lane(1, 'iiiiiiiiiiiiiiiiicii' + io60)],
	model: {
		predictedMs: 20_000,
		formula: 'n·T/P = 400·100ms/2 = 20.0s',
		bound: 'latency',
		note: '',
		latency: {ms: 20_000, symbol: 'n·T/P', numbers: '400·100ms/2'},
		cpu: null,
	},
	peakRssBytes: 123 * 1024 * 1024,
};

export const processesThreads: Snapshot = {
	...processes,
	run: {...processes.run, mode: 'processes-threads'},
	lanes: [
		lane(0, 'iiiiiiii', {process: 0, thread: 0}),
		lane(1, 'iiiciiii', {process: 0, thread: 1}),
		lane(2, 'iiiiiiic', {process: 1, thread: 0}),
		lane(3, 'iiiiiiix', {process: 1, thread: 1, state: 'dead'}),
	],
	model: {
		predictedMs: 10_000,
		formula: 'n·T/(P·Th) = 400·100ms/(2·2) = 10.0s',
		bound: 'latency',
		note: '',
		latency: {ms: 10_000, symbol: 'n·T/(P·Th)', numbers: '400·100ms/(2·2)'},
		cpu: null,
	},
};

export const asyncLoop: Snapshot = {
	...processes,
	run: {...processes.run, mode: 'async', requested: 400_000, concurrency: 1000},
	elapsedMs: 31_500,
	pausedMs: 0,
	completed: 214_000,
	failed: 0,
	failures: [],
	inFlight: 900,
	maxInFlight: 1000,
	throughput: 6_980,
	meanThroughput: 6_790,
	throughputHistory: [6500, 6900, 7000, 6980, 7100, 6950],
	etaMs: 26_600,
	lanes: [lane(0, 'ccccccciccccccccc', {tasks: 214_000, inFlight: 900, elu: 0.83, cpu: 0.97})],
	model: {
		predictedMs: 56_000,
		formula: 'n·c = 400,000·140µs = 56.0s',
		bound: 'loop',
		note: '',
		latency: {ms: 40_160, symbol: 'n·T/C + C·c₀', numbers: '400,000·100ms/1,000 + 1,000·160µs'},
		cpu: {ms: 56_000, symbol: 'n·c', numbers: '400,000·140µs', bound: 'loop'},
	},
};

/** 16 thread lanes, for the overflow case. */
export const sixteen: Snapshot = {
	...processes,
	run: {...processes.run, mode: 'threads', workers: 16},
	lanes: Array.from({length: 16}, (_, i) =>
		lane(i, i % 5 === 0 ? 'iiiiiic' : i % 7 === 0 ? 'iiiiigg' : 'iiiiiii', {process: 0, thread: i}),
	),
};

export function result(mode: RunResult['mode'], wallMs: number, predictedMs: number, utilisation: number): RunResult {
	return {
		mode,
		work: 'io',
		requested: 400,
		completed: 400,
		failed: 0,
		cancelled: 0,
		wallMs,
		pausedMs: 0,
		predictedMs,
		bound: 'latency',
		model: {latency: {ms: predictedMs, formula: 'n·T'}, cpu: null},
		requestsPerSecond: 400 / (wallMs / 1000),
		latencyMs: {p50: 101, p90: 104, p99: 110, max: 130},
		failures: {},
		cpu: {cores: 4, utilisation, perCore: [utilisation, utilisation, utilisation, utilisation]},
		workers: [],
		maxInFlight: 4,
		startupMs: 40,
		startup: null,
		peakRssBytes: 1e8,
	};
}

export const compare: CompareView = {
	modes: ['sequential', 'processes', 'threads', 'processes-threads', 'async', 'processes-async'],
	results: [
		result('sequential', 40_210, 40_000, 0.01),
		result('processes', 10_330, 10_000, 0.03),
		result('threads', 10_120, 10_000, 0.02),
		result('processes-threads', 2_640, 2_500, 0.05),
	],
	running: 'async',
};

/** A view of `snapshot`, its config in the snapshot's mode (the keys act on the config's). */
export const view = (snapshot: Snapshot | null, extra: Partial<View> = {}): View => ({
	config: snapshot ? {...config, mode: snapshot.run.mode} : config,
	run: snapshot?.run ?? runInfoOf(0, extra.config ?? config),
	snapshot,
	preparing: null,
	compare: null,
	notice: '',
	requestSteps: requestCycle(config.requests),
	summary: null,
	...extra,
});

/** Strip ANSI escape sequences. */
export const stripAnsi = (text: string): string => text.replaceAll(/\u001B\[[0-9;]*m/g, '');

/** A small deterministic random source (mulberry32), for fixtures that look like a real run. */
export function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6d_2b_79_f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** `length` slices: mostly `base`, with runs of `burst` a `share` of the time. */
export function pattern(seed: number, length: number, base: string, burst: string, share: number): string {
	const next = random(seed);
	let out = '';
	while (out.length < length) {
		out += next() < share ? burst.repeat(1 + Math.floor(next() * 3)) : base;
	}

	return out.slice(0, length);
}

const series = (seed: number, length: number, low: number, high: number): number[] => {
	const next = random(seed);
	return Array.from({length}, () => low + next() * (high - low));
};

export const cpu8: CpuSnapshot = {
	cores: 8,
	perCore: [0.08, 0.05, 0.11, 0.03, 0.06, 0.09, 0.04, 0.07],
	history: Array.from({length: 8}, (_, i) => series(i + 10, 60, 0.01, 0.14)),
	utilisation: 0.06,
	perCoreMean: [0.06, 0.05, 0.08, 0.04, 0.06, 0.07, 0.05, 0.06],
	client: 0.21,
	final: false,
	sampled: true,
};

/** A processes run as it looks mid-way at 80×24: two lanes that mostly wait. */
export const demoProcesses: Snapshot = {
	...processes,
	throughputHistory: [0, 4, 11, 17, ...series(3, 56, 18.5, 20.5)],
	cpu: {...cpu4, history: cpu4.history.map((h, i) => [...series(i, 36, 0.02, 0.4), ...h])},
	lanes: [lane(0, pattern(1, 150, 'i', 'c', 0.04), {tasks: 61}), lane(1, pattern(2, 150, 'i', 'c', 0.04), {tasks: 60})],
};

/** Processes × threads, 4 × 4, on 8 cores, as the 160×48 screen shows it. */
export const demoProcessesThreads: Snapshot = {
	...processes,
	run: {...processes.run, mode: 'processes-threads', requested: 4000, workers: 4, threads: 4},
	elapsedMs: 11_100,
	pausedMs: 0,
	started: 1736,
	completed: 1712,
	failed: 8,
	failures: [
		['status 500', 6],
		['ECONNRESET', 2],
	],
	inFlight: 16,
	maxInFlight: 16,
	throughput: 158.4,
	meanThroughput: 156.3,
	throughputHistory: [0, 20, 64, 120, 150, ...series(5, 55, 150, 162)],
	etaMs: 14_400,
	startupMs: 486,
	cpu: cpu8,
	lanes: Array.from({length: 16}, (_, i) =>
		lane(i, pattern(100 + i, 150, 'i', 'c', 0.05), {process: Math.floor(i / 4), thread: i % 4, tasks: 105 + ((i * 7) % 9)}),
	),
	model: {
		predictedMs: 25_000,
		formula: 'n·T/(P·Th) = 4,000·100ms/(4·4) = 25.0s',
		bound: 'latency',
		note: '',
		latency: {ms: 25_000, symbol: 'n·T/(P·Th)', numbers: '4,000·100ms/(4·4)'},
		cpu: null,
	},
};
