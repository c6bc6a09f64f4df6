import {computingFactors, factorValue, factsOf, inFlightOf, type Factor} from '../config/modes.js';
import {formatCount} from '../i18n/format.js';
import type {ModelInput} from './formulas.js';

/** A divisor of a formula: its symbol (`P`, `(P·Th)`), its numbers (`2`, `(2·4)`) and its value. */
export type Divisor = {readonly symbol: string; readonly numbers: string; readonly value: number};

const ONE: Divisor = {symbol: '', numbers: '', value: 1};

/** `/P`, `/(2·4)`; nothing when the divisor is one. */
export const over = (d: Divisor, what: 'symbol' | 'numbers'): string => (d.value === 1 && d.symbol === '' ? '' : `/${d[what]}`);

/** Event loops that keep many requests in flight: 1 (async), P (processes-async), 0 in blocking modes. */
export function loopsOf(input: Pick<ModelInput, 'mode' | 'workers' | 'threads' | 'concurrency'>): number {
	const facts = factsOf(input.mode);
	return facts.lane === 'loop' ? inFlightOf({...facts, inFlight: facts.inFlight.filter((factor) => factor !== 'C')}, input) : 0;
}

/** With fewer tasks than slots, only n run at once: `min(C,n)`, the number resolved. */
function capped(d: Divisor, n: number): Divisor {
	if (d.value <= n || d.value === 1) {
		return d;
	}

	const inner = d.symbol.replace(/^\((.*)\)$/, '$1');
	return {symbol: `min(${inner},n)`, numbers: formatCount(n), value: Math.max(1, n)};
}

/** The product of factors as the talk writes it: `P`, `(P·Th)`, with its numbers `2`, `(2·4)`. */
function productOf(factors: readonly Factor[], input: ModelInput): Divisor {
	if (factors.length === 0) {
		return ONE;
	}

	const wrap = (parts: readonly string[]): string => (parts.length > 1 ? `(${parts.join('·')})` : parts[0]!);
	const values = factors.map((factor) => factorValue(factor, input));
	return {
		symbol: wrap(factors),
		numbers: wrap(values.map((value) => formatCount(value))),
		value: values.reduce((a, b) => a * b, 1),
	};
}

/** Requests in flight at once: 1, P, W, P·Th, C or P·C (the mode table's factors), never more than n. */
export const ioDivisor = (input: ModelInput): Divisor => capped(productOf(factsOf(input.mode).inFlight, input), input.requests);

/** `/min(W,cores)` resolved to a number; nothing when one thread computes. The GIL (kernel work only) leaves one thread per process. */
export function cpuDivisor(input: ModelInput, gil = input.gil === true): Divisor {
	const factors = computingFactors(factsOf(input.mode), gil);
	const k = productOf(factors, input);
	if (k.value <= 1) {
		return ONE;
	}

	const n = input.requests;
	const bindsN = n < Math.min(k.value, input.cores);
	const value = Math.max(1, Math.min(k.value, input.cores, n));
	return {symbol: `min(${factors.join('·')},cores${bindsN ? ',n' : ''})`, numbers: `${value}`, value};
}
