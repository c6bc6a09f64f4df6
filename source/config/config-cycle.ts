import {WORKS, type RunConfig} from './config.js';
import {factsOf, isThreaded, keysWhere, type Mode, usesConcurrency, usesWorkers} from './modes.js';
import type {Command} from './commands.js';

/** The talk's sizes, cycled by `n` together with the count the session started with. */
export const REQUEST_STEPS = [4, 4000, 400_000, 4_000_000] as const;
/** Concurrency steps for `[` and `]`. */
export const CONCURRENCY_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] as const;
export const MAX_WORKERS = 64;

export type ConfigChange = {
	readonly config: RunConfig;
	/** Does the change need the run restarted? */
	readonly restart: boolean;
	/** A one-line notice for the screen ('' when none). */
	readonly notice: string;
};

/** The counts `n` cycles through, in order: the talk's sizes and `start`, the count the session started with. */
export const requestCycle = (start: number): number[] => [...new Set<number>([...REQUEST_STEPS, start])].sort((a, b) => a - b);

/**
 * Why `mode` refuses a command, '' when it takes it: the knob the command turns
 * plays no part in the mode (its facts in modes.ts). A refused command changes nothing.
 */
export function refusalOf(mode: Mode, type: Command['type']): string {
	const facts = factsOf(mode);
	switch (type) {
		case 'workers': {
			return usesWorkers(facts) ? '' : `${mode} runs one worker; workers apply to modes ${keysWhere(usesWorkers)}`;
		}

		case 'concurrency': {
			return usesConcurrency(facts) ? '' : `concurrency applies to the async modes (${keysWhere(usesConcurrency)})`;
		}

		case 'toggle-gil': {
			return isThreaded(facts) ? '' : `the GIL applies to the thread modes (${keysWhere(isThreaded)})`;
		}

		default: {
			return '';
		}
	}
}

/** Does `mode` take the command? (The key bar shows only the keys it takes.) */
export const accepts = (mode: Mode, type: Command['type']): boolean => refusalOf(mode, type) === '';

function nextStep(steps: readonly number[], value: number, delta: 1 | -1): number {
	if (delta > 0) {
		return steps.find((step) => step > value) ?? value;
	}

	return steps.findLast((step) => step < value) ?? value;
}

/**
 * A key's command applied to the run's config (pure); `start` is the count the
 * session started with, which `n` comes back to. A command the mode refuses
 * returns the config as it is, with a notice saying why; so do the commands
 * that do not change the config.
 */
export function applyCommand(config: RunConfig, command: Command, start: number): ConfigChange {
	const refusal = refusalOf(config.mode, command.type);
	if (refusal !== '') {
		return {config, restart: false, notice: refusal};
	}

	switch (command.type) {
		case 'mode': {
			return {config: {...config, mode: command.mode}, restart: true, notice: ''};
		}

		case 'cycle-work': {
			const work = WORKS[(WORKS.indexOf(config.work) + 1) % WORKS.length]!;
			return {config: {...config, work}, restart: true, notice: ''};
		}

		case 'workers': {
			const workers = Math.min(MAX_WORKERS, Math.max(1, config.workers + command.delta));
			return {config: {...config, workers}, restart: workers !== config.workers, notice: ''};
		}

		case 'concurrency': {
			const concurrency = nextStep(CONCURRENCY_STEPS, config.concurrency, command.delta);
			return {config: {...config, concurrency}, restart: concurrency !== config.concurrency, notice: ''};
		}

		case 'cycle-requests': {
			const cycle = requestCycle(start);
			const requests = cycle.find((step) => step > config.requests) ?? cycle[0]!;
			return {config: {...config, requests}, restart: true, notice: ''};
		}

		case 'toggle-gil': {
			return {config: {...config, gil: !config.gil}, restart: true, notice: ''};
		}

		case 'restart': {
			return {config, restart: true, notice: ''};
		}

		case 'toggle-pause':
		case 'compare':
		case 'quit': {
			return {config, restart: false, notice: ''};
		}
	}
}
