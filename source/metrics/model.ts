import {burstRoundsOf, rampOfBurst, type BurstCost} from '../calibration/burst-cost.js';
import type {ClientCost} from '../calibration/client-cost.js';
import {formatCost, formatCount, formatDuration} from './format.js';
import {cpuDivisor, ioDivisor, loopsOf, over} from './model-divisors.js';
import type {ModelSnapshot, ModelTerm, RunInfo} from './snapshot.js';

export {formatDuration} from './format.js';

/**
 * What the model reads: the run's settings as the snapshot has them (RunInfo),
 * with n under the name the formulas use, the machine's cores, and for a URL
 * file the measured p50 standing in for T.
 */
export type ModelInput = Pick<RunInfo, 'mode' | 'work' | 'latencyMs' | 'workers' | 'threads' | 'concurrency' | 'cpuMs' | 'clientCost' | 'clientCostMissing'> & {
	/** n */
	readonly requests: number;
	readonly cores: number;
	/** Thread modes serialise CPU sections (one thread per process computes at a time). */
	readonly gil?: boolean;
	/** The measured p50 latency, used for T when T is unknown. */
	readonly measuredLatencyMs?: number;
};

/** What bounds a run, in words (screen and summary alike). */
export const BOUND_WORDS = {latency: 'network latency', cpu: 'CPU cores', loop: "the event loop's CPU", rate: 'the --rate schedule'} as const;

type CpuTerm = ModelTerm & {readonly bound: 'cpu' | 'loop'};

/** Requests each loop opens connections for at once: min(C, its share of n). */
const rampOf = (input: ModelInput, loops: number): number => Math.min(input.concurrency, Math.ceil(input.requests / loops));

type Ramp = {readonly ms: number; readonly symbol: string; readonly numbers: string};

/** The client cost's burst when its shape is the run's (its loops, its first requests per loop, its rounds), else undefined. */
function burstOf(input: ModelInput, loops: number): BurstCost | undefined {
	const burst = input.clientCost?.burst;
	const ramp = loops > 0 ? rampOf(input, loops) : 0;
	return burst && burst.loops === loops && burst.connections === ramp && burst.rounds === burstRoundsOf(Math.ceil(input.requests / loops), ramp)
		? burst
		: undefined;
}

/** δ, what a round trip took past T at the run's load, and what measured it: a pilot of the run's pool (its steady window), else a burst of its first rounds. */
function waitOf(input: ModelInput): {readonly ms: number; readonly by: 'pilot' | 'burst'} | undefined {
	const pilot = input.clientCost?.waitMs;
	const burst = burstOf(input, loopsOf(input))?.waitMs;
	return pilot === undefined ? (burst === undefined ? undefined : {ms: burst, by: 'burst'}) : {ms: pilot, by: 'pilot'};
}

/**
 * What a loop's first rounds take past their waits: B, measured by a burst
 * of the run's own first rounds on fresh lanes of its kind (when its shape
 * is the run's) past rounds·(T+δ), else min(C, its share)·c₀ from the lane
 * calibration.
 */
function rampTerm(input: ModelInput, loops: number): Ramp | undefined {
	const cost = input.clientCost;
	if (loops === 0 || !cost) {
		return undefined;
	}

	const ramp = rampOf(input, loops);
	const burst = burstOf(input, loops);
	if (burst) {
		const ms = cost.waitMs === undefined ? burst.rampMs : rampOfBurst(burst, input.latencyMs, cost.waitMs);
		return {ms, symbol: 'B', numbers: formatDuration(ms)};
	}

	const symbol = ramp < input.concurrency ? (loops > 1 ? 'min(C,n/P)' : 'min(C,n)') : 'C';
	return {ms: ramp * cost.connectMs, symbol: `${symbol}·c₀`, numbers: `${formatCount(ramp)}·${formatCost(cost.connectMs)}`};
}

/**
 * The latency term: n·T (n·(T+c) for mixed work) over the requests in
 * flight. An event loop sends its first C requests on C new connections at
 * once, so its first round takes longer than T: `+ B`, what a burst of that
 * round on fresh lanes took past T (rampTerm). Where a pilot of the run's
 * pool measured δ, what a round trip took past T at the run's load (its
 * waits for busy cores), T becomes T+δ.
 */
function latencyTerm(input: ModelInput, t: string, tMs: number): ModelTerm {
	const d = ioDivisor(input);
	const n = formatCount(input.requests);
	const mixed = input.work === 'mixed';
	const wait = mixed ? undefined : waitOf(input)?.ms;
	const plus = mixed ? {symbol: 'c', ms: input.cpuMs} : (wait === undefined ? undefined : {symbol: 'δ', ms: wait});
	const ramp = rampTerm(input, loopsOf(input));
	return {
		ms: (input.requests * (tMs + (plus?.ms ?? 0))) / d.value + (ramp?.ms ?? 0),
		symbol: `${plus ? `n·(T+${plus.symbol})` : 'n·T'}${over(d, 'symbol')}${ramp ? ` + ${ramp.symbol}` : ''}`,
		numbers: `${n}·${plus ? `(${t}+${formatDuration(plus.ms)})` : t}${over(d, 'numbers')}${ramp ? ` + ${ramp.numbers}` : ''}`,
	};
}

/** The CPU term of CPU work: n·c over min(threads, cores). */
function kernelTerm(input: ModelInput): CpuTerm {
	const d = cpuDivisor(input);
	return {
		ms: (input.requests * input.cpuMs) / d.value,
		symbol: `n·c${over(d, 'symbol')}`,
		numbers: `${formatCount(input.requests)}·${formatDuration(input.cpuMs)}${over(d, 'numbers')}`,
		bound: 'cpu',
	};
}

/**
 * What one event loop does in a run, kept busy: its first round, min(C,
 * its share) requests opening their connections (rampTerm: B or C·c₀),
 * then every other request ℓ. Loops run side by side, one core each at
 * most (bound `loop`).
 */
function loopTerm(input: ModelInput, cost: ClientCost): CpuTerm {
	const loops = loopsOf(input);
	const rest = Math.ceil(input.requests / loops) - rampOf(input, loops);
	const ramp = rampTerm(input, loops)!;
	const shareSymbol = loops > 1 ? 'n/P' : 'n';
	return {
		ms: ramp.ms + rest * cost.loopMs,
		symbol: `${ramp.symbol}${rest > 0 ? ` + (${shareSymbol}−C)·ℓ` : ''}`,
		numbers: `${ramp.numbers}${rest > 0 ? ` + ${formatCount(rest)}·${formatCost(cost.loopMs)}` : ''}`,
		// The loop's own formula, whatever the cores: its bound is the loop's (one term, one name).
		bound: 'loop',
	};
}

/**
 * Everything a request costs the machine when the embedded server shares
 * it — the client's c (c₀ for a loop's first requests, which open their
 * connections), the server's s and the main thread's m (taking in and
 * folding its events) — over all the cores (bound `cpu`).
 */
function sharedTerm(input: ModelInput, cost: ClientCost): CpuTerm {
	const n = input.requests;
	const {requestMs: c, serverMs: s, mainMs: m, connectMs: c0} = cost;
	const loops = loopsOf(input);
	const ramp = loops > 0 ? rampOf(input, loops) : 0;
	const opened = loops * ramp;
	const openedSymbol = ramp < input.concurrency ? 'n' : (loops > 1 ? 'P·C' : 'C');
	const sum = `${formatCount(n)}·(${formatCost(c)}+${formatCost(s)}+${formatCost(m)})`;
	return {
		ms: (n * (c + s + m) + opened * Math.max(0, c0 - c)) / input.cores,
		symbol: opened > 0 ? `(n·(c+s+m) + ${openedSymbol}·(c₀−c))/cores` : 'n·(c+s+m)/cores',
		numbers: opened > 0
			? `(${sum} + ${formatCount(opened)}·(${formatCost(c0)}−${formatCost(c)}))/${input.cores}`
			: `${sum}/${input.cores}`,
		bound: 'cpu',
	};
}

/**
 * The CPU term of I/O, the larger of two. The client's own: a blocking
 * lane's requests cost its CPU per request c, over the threads that run
 * them (at most the cores); an event loop kept busy takes ℓ per request
 * (loopTerm). And, when the embedded server shares the machine (its s could
 * be read), the whole machine's (sharedTerm).
 */
function clientTerm(input: ModelInput, cost: ClientCost): CpuTerm {
	const n = input.requests;
	const d = cpuDivisor(input, false);
	const own: CpuTerm = loopsOf(input) > 0 ? loopTerm(input, cost) : {
		ms: (n * cost.requestMs) / d.value,
		symbol: `n·c${over(d, 'symbol')}`,
		numbers: `${formatCount(n)}·${formatCost(cost.requestMs)}${over(d, 'numbers')}`,
		bound: 'cpu',
	};
	if (cost.serverMs <= 0) {
		return own;
	}

	const shared = sharedTerm(input, cost);
	return shared.ms > own.ms ? shared : own;
}

function notes(input: ModelInput): string {
	const threadMode = input.mode === 'threads' || input.mode === 'processes-threads';
	if (input.work !== 'io' && input.gil === true && threadMode) {
		return input.mode === 'threads'
			? 'the GIL lets one thread compute at a time'
			: 'the GIL lets one thread per process compute at a time';
	}

	if (input.work === 'cpu' && input.mode === 'async') {
		return 'async does not help CPU work: one event loop computes one task at a time';
	}

	return '';
}

const WAIT_NOTES = {
	pilot: 'δ {wait}: what each request waited past T for busy cores (a pilot measured it)',
	burst: 'δ {wait}: what each round took past T, its loop and the server busy (a burst measured it)',
} as const;

/** Where waiting for the cores lengthened each round trip by a tenth of T or more, the latency-bound verdict says so, and what measured it. */
function waitNote(input: ModelInput, tMs: number): Pick<ModelSnapshot, 'note' | 'noteParams'> {
	const wait = input.work === 'io' ? waitOf(input) : undefined;
	return wait !== undefined && wait.ms >= tMs / 10
		? {note: WAIT_NOTES[wait.by], noteParams: {wait: formatDuration(wait.ms)}}
		: {note: ''};
}

/** I/O whose client calibration did not finish in time has no CPU term: the model says it lacks it. */
function missingNote(input: ModelInput): Pick<ModelSnapshot, 'note' | 'noteParams'> | undefined {
	const missing = input.work === 'io' && !input.clientCost ? input.clientCostMissing : undefined;
	return missing
		? {note: 'no CPU term: the client calibration did not finish within {time}', noteParams: {time: formatDuration(missing.deadlineMs)}}
		: undefined;
}

/** `symbol = numbers = time`; a term whose numbers are its one measured figure (`B = 135ms`) is written once. */
const written = (term: ModelTerm, suffix = ''): string =>
	`${term.symbol}${term.numbers === formatDuration(term.ms) ? '' : ` = ${term.numbers}`} = ${formatDuration(term.ms)}${suffix}`;

/**
 * The model's time for the run (docs/architecture.md, "The model"): the
 * larger of two terms. The latency term is n·T over the requests in flight
 * at once; the CPU term is the CPU of a task (the calibrated kernel's, or
 * the client's own per request, calibrated before the run) over the cores
 * that can run it. `bound` names the larger: latency, loop (one event loop's
 * own CPU) or cpu (the cores). Nothing here depends on the run's own
 * measurements, except T for a URL file (its measured p50).
 */
export function predict(input: ModelInput): ModelSnapshot {
	const note = notes(input);
	if (input.work === 'cpu') {
		const term = kernelTerm(input);
		return {predictedMs: term.ms, formula: written(term), bound: 'cpu', note, latency: null, cpu: term};
	}

	let tMs = input.latencyMs;
	let t = formatDuration(tMs);
	let suffix = '';
	const cpu = input.work === 'mixed' ? kernelTerm(input) : (input.clientCost ? clientTerm(input, input.clientCost) : undefined);
	if (!Number.isFinite(tMs)) {
		const measured = input.measuredLatencyMs;
		if (measured === undefined || !Number.isFinite(measured) || measured <= 0) {
			const term = latencyTerm(input, 'T', Number.NaN);
			return {
				predictedMs: Number.NaN,
				formula: `${term.symbol} = ${term.numbers} (T unknown until the first response)`,
				bound: 'latency',
				note,
				latency: term,
				cpu: cpu ?? null,
			};
		}

		tMs = measured;
		t = formatDuration(measured);
		suffix = ' (T = measured p50)';
	}

	const latency = latencyTerm(input, t, tMs);
	const wins = cpu !== undefined && cpu.ms > latency.ms;
	return {
		predictedMs: wins ? cpu.ms : latency.ms,
		formula: wins ? written(cpu) : written(latency, suffix),
		bound: wins ? cpu.bound : 'latency',
		...(note === '' ? (missingNote(input) ?? (wins ? {note} : waitNote(input, tMs))) : {note}),
		latency,
		cpu: cpu ?? null,
	};
}
