import {accepts} from '../../config/config-cycle.js';
import {MODE_KEYS, type Mode, modeOfKey} from '../../config/modes.js';
import {formatCompactCount} from '../text/screen-format.js';
import type {Command} from '../../view/contract.js';

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

/** A key as the help bar and the help screen show it. */
export type KeyHelp = {
	readonly key: string;
	/** A word for the bar. */
	readonly word: string;
	/** A line for the help screen (`{steps}`: the counts `n` cycles through). */
	readonly long: string;
	/** The command a mode may refuse (config/config-cycle.ts, refusalOf); none: every mode takes the key. */
	readonly command?: Command['type'];
};

/** The keys for the help bar and the help screen, in their order. */
export const KEY_HELP: readonly KeyHelp[] = [
	{key: MODE_KEYS, word: 'mode', long: 'switch mode (see below)'},
	{key: 'w', word: 'work', long: 'workload io → cpu → mixed'},
	{key: '+/-', word: 'workers', long: 'workers +1 / −1', command: 'workers'},
	{key: '[/]', word: 'conc', long: 'concurrency −/+ (async)', command: 'concurrency'},
	{key: 'n', word: 'count', long: 'requests {steps}'},
	{key: 'r', word: 'restart', long: 'restart the run'},
	{key: 'space', word: 'pause', long: 'pause / resume'},
	{key: 'c', word: 'compare', long: 'compare all modes'},
	{key: 'g', word: 'GIL', long: 'GIL on/off (thread modes)', command: 'toggle-gil'},
	{key: '?', word: 'help', long: 'this help (again to close)'},
	{key: 'q', word: 'quit', long: 'quit (Ctrl+C too)'},
];

/** Does `mode` take the key? */
export const takes = (mode: Mode, key: KeyHelp): boolean => key.command === undefined || accepts(mode, key.command);

/** `4 → 400 → 4k → 400k → 4M`: the counts `n` cycles through. */
export const stepsText = (steps: readonly number[]): string => steps.map((step) => formatCompactCount(step)).join(' → ');

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
