import type {Mode, Work} from '../config/config.js';
import {formatCount, formatDuration} from './format.js';
import type {ModelSnapshot} from './snapshot.js';

export {formatDuration} from './format.js';

export type ModelInput = {
	readonly mode: Mode;
	readonly work: Work;
	/** n */
	readonly requests: number;
	/** T, ms; NaN when unknown (a --urls file). */
	readonly latencyMs: number;
	/** P (processes) or W (threads). */
	readonly workers: number;
	/** Th, threads per process (processes-threads). */
	readonly threads: number;
	/** C, requests in flight per event loop (async modes). */
	readonly concurrency: number;
	/** c, CPU cost per task, ms (cpu and mixed). */
	readonly cpuMs: number;
	readonly cores: number;
	/** Thread modes serialise CPU sections (one thread per process computes at a time). */
	readonly gil?: boolean;
	/** The measured p50 latency, used for T when T is unknown. */
	readonly measuredLatencyMs?: number;
};

/** A divisor of the formula: its symbol (`P`, `(P·Th)`), its numbers (`2`, `(2·4)`) and its value. */
type Divisor = {readonly symbol: string; readonly numbers: string; readonly value: number};

const ONE: Divisor = {symbol: '', numbers: '', value: 1};

/** Requests in flight at once: 1, P, W, P·Th, C or P·C, never more than n. */
function ioDivisor(input: ModelInput): Divisor {
	const {workers: p, threads: th, concurrency: c} = input;
	const d = ((): Divisor => {
		switch (input.mode) {
			case 'sequential': {
				return ONE;
			}

			case 'processes': {
				return {symbol: 'P', numbers: `${p}`, value: p};
			}

			case 'threads': {
				return {symbol: 'W', numbers: `${p}`, value: p};
			}

			case 'processes-threads': {
				return {symbol: '(P·Th)', numbers: `(${p}·${th})`, value: p * th};
			}

			case 'async': {
				return {symbol: 'C', numbers: formatCount(c), value: c};
			}

			case 'processes-async': {
				return {symbol: '(P·C)', numbers: `(${p}·${formatCount(c)})`, value: p * c};
			}
		}
	})();
	return capped(d, input.requests);
}

/** With fewer tasks than slots, only n run at once: `min(C,n)`, the number resolved. */
function capped(d: Divisor, n: number): Divisor {
	if (d.value <= n || d.value === 1) {
		return d;
	}

	const inner = d.symbol.replace(/^\((.*)\)$/, '$1');
	return {symbol: `min(${inner},n)`, numbers: formatCount(n), value: Math.max(1, n)};
}

/** Threads that can run the CPU kernel at once (before cores): 1, P, W or P·Th; the GIL leaves one per process. */
function cpuThreads(input: ModelInput): {readonly symbol: string; readonly value: number} {
	const gil = input.gil === true;
	switch (input.mode) {
		case 'sequential':
		case 'async': {
			return {symbol: '', value: 1};
		}

		case 'processes':
		case 'processes-async': {
			return {symbol: 'P', value: input.workers};
		}

		case 'threads': {
			return gil ? {symbol: '', value: 1} : {symbol: 'W', value: input.workers};
		}

		case 'processes-threads': {
			return gil ? {symbol: 'P', value: input.workers} : {symbol: 'P·Th', value: input.workers * input.threads};
		}
	}
}

/** `/min(W,cores)` resolved to a number; nothing when one thread computes. */
function cpuDivisor(input: ModelInput): Divisor {
	const k = cpuThreads(input);
	if (k.value <= 1) {
		return ONE;
	}

	const n = input.requests;
	const bindsN = n < Math.min(k.value, input.cores);
	const value = Math.max(1, Math.min(k.value, input.cores, n));
	return {symbol: `min(${k.symbol},cores${bindsN ? ',n' : ''})`, numbers: `${value}`, value};
}

const over = (d: Divisor, what: 'symbol' | 'numbers'): string => (d.value === 1 && d.symbol === '' ? '' : `/${d[what]}`);

type Term = {readonly ms: number; readonly symbol: string; readonly numbers: string};

/** The latency term n·T/par (or n·(T+c)/par for mixed work). */
function latencyTerm(input: ModelInput, t: string, tMs: number, withCpu: boolean): Term {
	const d = ioDivisor(input);
	const n = formatCount(input.requests);
	const cost = withCpu ? tMs + input.cpuMs : tMs;
	return {
		ms: (input.requests * cost) / d.value,
		symbol: `${withCpu ? 'n·(T+c)' : 'n·T'}${over(d, 'symbol')}`,
		numbers: `${n}·${withCpu ? `(${t}+${formatDuration(input.cpuMs)})` : t}${over(d, 'numbers')}`,
	};
}

/** The CPU term n·c/min(threads, cores). */
function cpuTerm(input: ModelInput): Term {
	const d = cpuDivisor(input);
	return {
		ms: (input.requests * input.cpuMs) / d.value,
		symbol: `n·c${over(d, 'symbol')}`,
		numbers: `${formatCount(input.requests)}·${formatDuration(input.cpuMs)}${over(d, 'numbers')}`,
	};
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

/**
 * The model's time for the run (docs/architecture.md, "The model"): n·T divided by the requests in
 * flight at once, n·c divided by min(threads computing, cores), and for mixed
 * work the larger of n·(T+c)/parallelism and n·c/min(threads, cores). The
 * formula names the symbols of the talk and fills in the run's numbers.
 */
export function predict(input: ModelInput): ModelSnapshot {
	const note = notes(input);
	if (input.work === 'cpu') {
		const term = cpuTerm(input);
		return {predictedMs: term.ms, formula: `${term.symbol} = ${term.numbers} = ${formatDuration(term.ms)}`, bound: 'cpu', note};
	}

	let tMs = input.latencyMs;
	let t = formatDuration(tMs);
	let suffix = '';
	if (!Number.isFinite(tMs)) {
		const measured = input.measuredLatencyMs;
		if (measured === undefined || !Number.isFinite(measured) || measured <= 0) {
			const term = latencyTerm(input, 'T', 0, input.work === 'mixed');
			return {predictedMs: Number.NaN, formula: `${term.symbol} = ${term.numbers} (T unknown until the first response)`, bound: 'latency', note};
		}

		tMs = measured;
		t = formatDuration(measured);
		suffix = ' (T = measured p50)';
	}

	const latency = latencyTerm(input, t, tMs, input.work === 'mixed');
	const cpu = input.work === 'mixed' ? cpuTerm(input) : undefined;
	const term = cpu && cpu.ms > latency.ms ? cpu : latency;
	return {
		predictedMs: term.ms,
		formula: `${term.symbol} = ${term.numbers} = ${formatDuration(term.ms)}${suffix}`,
		bound: term === latency ? 'latency' : 'cpu',
		note,
	};
}

/** The note for event loops at their own CPU limit (set by the reducer). */
export function loopNote(saturated: number): string {
	return saturated === 1
		? 'one event loop is saturated: its own CPU limits throughput, not T'
		: `${saturated} event loops are saturated: their own CPU limits throughput, not T`;
}
