import {REQUEST_STEPS} from '../config/config-cycle.js';
import {modeOfKey} from '../config/modes.js';
import {compactCount} from './format.js';
import type {Command} from '../frontends/controller.js';

/** The modifier flags of Ink's `Key` that matter here. */
export type KeyFlags = {readonly ctrl?: boolean; readonly meta?: boolean};

/** The keys of the dashboard, each with its command (the mode keys come from the mode table). */
const KEYS: ReadonlyMap<string, Command | 'help'> = new Map<string, Command | 'help'>([
	['w', {type: 'cycle-work'}],
	['+', {type: 'workers', delta: 1}],
	['=', {type: 'workers', delta: 1}],
	['-', {type: 'workers', delta: -1}],
	['[', {type: 'concurrency', delta: -1}],
	[']', {type: 'concurrency', delta: 1}],
	['n', {type: 'cycle-requests'}],
	['r', {type: 'restart'}],
	[' ', {type: 'toggle-pause'}],
	['c', {type: 'compare'}],
	['g', {type: 'toggle-gil'}],
	['q', {type: 'quit'}],
	['\u0003', {type: 'quit'}],
	['?', 'help'],
]);

/** What a key press means: a command for the session, `help` (handled by the UI), or nothing. */
export function keyToCommand(input: string, key: KeyFlags): Command | 'help' | null {
	if (key.ctrl) {
		return input === 'c' ? {type: 'quit'} : null;
	}

	if (key.meta) {
		return null;
	}

	const mode = modeOfKey(input);
	return mode ? {type: 'mode', mode} : KEYS.get(input) ?? null;
}

/** The keys for the help bar and the help screen: key, a word for the bar, a line for the help screen. */
export const KEY_HELP: readonly (readonly [key: string, short: string, long: string])[] = [
	['1-6', 'mode', 'switch mode (see below)'],
	['w', 'work', 'workload io → cpu → mixed'],
	['+/-', 'workers', 'workers +1 / −1'],
	['[/]', 'conc', 'concurrency −/+ (async)'],
	['n', 'count', `requests ${REQUEST_STEPS.map((step) => compactCount(step)).join(' → ')}`],
	['r', 'restart', 'restart the run'],
	['space', 'pause', 'pause / resume'],
	['c', 'compare', 'compare all modes'],
	['g', 'GIL', 'GIL on/off (thread modes)'],
	['?', 'help', 'this help (again to close)'],
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
