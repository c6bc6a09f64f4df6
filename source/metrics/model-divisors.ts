import {formatCount} from './format.js';
import type {ModelInput} from './model.js';

/** A divisor of a formula: its symbol (`P`, `(P·Th)`), its numbers (`2`, `(2·4)`) and its value. */
export type Divisor = {readonly symbol: string; readonly numbers: string; readonly value: number};

export const ONE: Divisor = {symbol: '', numbers: '', value: 1};

/** `/P`, `/(2·4)`; nothing when the divisor is one. */
export const over = (d: Divisor, what: 'symbol' | 'numbers'): string => (d.value === 1 && d.symbol === '' ? '' : `/${d[what]}`);

/** Event loops that keep many requests in flight: 1 (async), P (processes-async), 0 in blocking modes. */
export function loopsOf(input: ModelInput): number {
	return input.mode === 'async' ? 1 : input.mode === 'processes-async' ? input.workers : 0;
}

/** With fewer tasks than slots, only n run at once: `min(C,n)`, the number resolved. */
function capped(d: Divisor, n: number): Divisor {
	if (d.value <= n || d.value === 1) {
		return d;
	}

	const inner = d.symbol.replace(/^\((.*)\)$/, '$1');
	return {symbol: `min(${inner},n)`, numbers: formatCount(n), value: Math.max(1, n)};
}

/** Requests in flight at once: 1, P, W, P·Th, C or P·C, never more than n. */
export function ioDivisor(input: ModelInput): Divisor {
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

/** Threads that can run CPU work at once (before cores): 1, P, W or P·Th; the GIL (kernel work only) leaves one per process. */
function threadsOf(input: ModelInput, gil: boolean): {readonly symbol: string; readonly value: number} {
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
export function cpuDivisor(input: ModelInput, gil = input.gil === true): Divisor {
	const k = threadsOf(input, gil);
	if (k.value <= 1) {
		return ONE;
	}

	const n = input.requests;
	const bindsN = n < Math.min(k.value, input.cores);
	const value = Math.max(1, Math.min(k.value, input.cores, n));
	return {symbol: `min(${k.symbol},cores${bindsN ? ',n' : ''})`, numbers: `${value}`, value};
}
