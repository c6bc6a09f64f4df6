import {WORKS, type RunConfig} from './config.js';
import {factsOf, isThreaded, keysWhere, usesConcurrency, usesWorkers} from './modes.js';
import type {Command} from './commands.js';

/** The talk's sizes, cycled by `n`. */
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


function nextStep(steps: readonly number[], value: number, delta: 1 | -1): number {
	if (delta > 0) {
		return steps.find((step) => step > value) ?? value;
	}

	return steps.findLast((step) => step < value) ?? value;
}

/** A key's command applied to the run's config (pure). Commands that do not change the config return it as is. */
export function applyCommand(config: RunConfig, command: Command): ConfigChange {
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
			const applies = usesWorkers(factsOf(config.mode));
			const notice = applies ? '' : `${config.mode} runs one worker; workers apply to the other modes`;
			return {config: {...config, workers}, restart: applies && workers !== config.workers, notice};
		}

		case 'concurrency': {
			const concurrency = nextStep(CONCURRENCY_STEPS, config.concurrency, command.delta);
			const applies = usesConcurrency(factsOf(config.mode));
			const notice = applies ? '' : `concurrency applies to the async modes (${keysWhere(usesConcurrency)})`;
			return {config: {...config, concurrency}, restart: applies && concurrency !== config.concurrency, notice};
		}

		case 'cycle-requests': {
			const index = REQUEST_STEPS.findIndex((step) => step > config.requests);
			const requests = REQUEST_STEPS[index === -1 ? 0 : index]!;
			return {config: {...config, requests}, restart: true, notice: ''};
		}

		case 'toggle-gil': {
			const threaded = isThreaded(factsOf(config.mode));
			const notice = threaded ? '' : `GIL ${config.gil ? 'off' : 'on'}: it serialises CPU work in the thread modes (${keysWhere(isThreaded)})`;
			return {config: {...config, gil: !config.gil}, restart: threaded, notice};
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
