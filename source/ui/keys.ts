import {REQUEST_STEPS} from '../config/config-cycle.js';
import {modeOfKey} from '../config/modes.js';
import {count} from './format.js';
import type {Command} from '../frontends/controller.js';

/** The modifier flags of Ink's `Key` that matter here. */
export type KeyFlags = {readonly ctrl?: boolean; readonly meta?: boolean};

/** What a key press means: a command for the session, `help` (handled by the UI), or nothing. */
export function keyToCommand(input: string, key: KeyFlags): Command | 'help' | null {
	if (key.ctrl) {
		return input === 'c' ? {type: 'quit'} : null;
	}

	if (key.meta) {
		return null;
	}

	if (input === '\u0003') {
		return {type: 'quit'};
	}

	const mode = modeOfKey(input);
	if (mode) {
		return {type: 'mode', mode};
	}

	switch (input) {
		case 'w': {
			return {type: 'cycle-work'};
		}

		case '+':
		case '=': {
			return {type: 'workers', delta: 1};
		}

		case '-': {
			return {type: 'workers', delta: -1};
		}

		case '[': {
			return {type: 'concurrency', delta: -1};
		}

		case ']': {
			return {type: 'concurrency', delta: 1};
		}

		case 'n': {
			return {type: 'cycle-requests'};
		}

		case 'r': {
			return {type: 'restart'};
		}

		case ' ': {
			return {type: 'toggle-pause'};
		}

		case 'c': {
			return {type: 'compare'};
		}

		case 'g': {
			return {type: 'toggle-gil'};
		}

		case 'q': {
			return {type: 'quit'};
		}

		case '?': {
			return 'help';
		}

		default: {
			return null;
		}
	}
}

/** The keys for the help bar and the help screen: key, short words, long words. */
export const KEY_HELP: readonly (readonly [key: string, short: string, long: string])[] = [
	['1-6', 'mode', 'switch mode (sequential … processes-async)'],
	['w', 'work', 'cycle workload io → cpu → mixed'],
	['+/-', 'workers', 'one worker more / less'],
	['[/]', 'conc', 'concurrency per event loop down / up'],
	['n', 'count', `requests ${REQUEST_STEPS.map((step) => count(step)).join(' → ')}`],
	['r', 'restart', 'restart the run'],
	['space', 'pause', 'pause / resume'],
	['c', 'compare', 'run every mode, then the leaderboard'],
	['g', 'GIL', 'toggle the GIL (thread modes)'],
	['?', 'help', 'this help'],
	['q', 'quit', 'quit (Ctrl+C too)'],
];

/**
 * Every command in one input event: a terminal may hand over several keys at once
 * (fast typing, a paste, a slow pseudo-terminal), which Ink passes as one string.
 */
export function keysToCommands(input: string, key: KeyFlags): (Command | 'help')[] {
	if (key.ctrl || key.meta || [...input].length <= 1) {
		const one = keyToCommand(input, key);
		return one ? [one] : [];
	}

	return [...input].map((ch) => keyToCommand(ch, {})).filter((c) => c !== null);
}
