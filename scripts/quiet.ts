import {machineBusy} from '../bench/table.js';

export type QuietOptions = {
	/** Most cores other work may keep busy for the machine to count as quiet. */
	readonly maxCores: number;
	/** How long each look lasts, ms. */
	readonly windowMs: number;
	/** How long to keep looking before giving up, ms. */
	readonly giveUpMs: number;
	/** Told after each look that found the machine busy. */
	readonly busy?: (cores: number) => void;
};

/**
 * Wait until the machine is quiet: a window of `windowMs` in which every
 * process together kept at most `maxCores` cores busy (this one is idle
 * meanwhile). Resolves with the last look's figure and whether it was quiet.
 */
export async function waitForQuiet(options: QuietOptions): Promise<{quiet: boolean; cores: number}> {
	const until = Date.now() + options.giveUpMs;
	for (;;) {
		const cores = await machineBusy(options.windowMs);
		if (cores <= options.maxCores) {
			return {quiet: true, cores};
		}

		if (Date.now() >= until) {
			return {quiet: false, cores};
		}

		options.busy?.(cores);
	}
}
