import {styleText} from 'node:util';
import {createContext} from 'react';
import type {LaneState} from '../../metrics/snapshot.js';
import type {ThemeName} from '../../config/terminal-colours.js';

/** What a piece of text means; the theme turns it into a style (or none when colour is off). */
export type Tone =
	| LaneState
	| 'plain'
	| 'title'
	| 'accent'
	| 'badge'
	| 'muted'
	| 'rule'
	| 'good'
	| 'warn'
	| 'bad'
	| 'key'
	| 'spark';

/** The subset of Ink's <Text> props the theme sets. */
export type Style = {
	readonly color?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly inverse?: boolean;
};

export {THEMES, type ThemeName} from '../../config/terminal-colours.js';

const dark: Readonly<Record<Tone, Style>> = {
	computing: {color: 'green'},
	io: {color: 'cyan'},
	gil: {color: 'magenta'},
	split: {color: 'magenta', bold: true},
	idle: {color: 'gray'},
	dead: {color: 'red', bold: true},
	plain: {},
	title: {bold: true},
	accent: {color: 'cyan', bold: true},
	badge: {color: 'cyan', bold: true, inverse: true},
	muted: {color: 'gray'},
	rule: {color: 'gray'},
	good: {color: 'green'},
	warn: {color: 'yellow'},
	bad: {color: 'red'},
	key: {color: 'yellow', bold: true},
	spark: {color: 'cyan'},
};

/** On a white background: no yellow or bright cyan (unreadable there); blue and magenta instead. */
const light: Readonly<Record<Tone, Style>> = {
	...dark,
	io: {color: 'blue'},
	accent: {color: 'blue', bold: true},
	badge: {color: 'blue', bold: true, inverse: true},
	warn: {color: 'magenta', bold: true},
	key: {color: 'blue', bold: true},
	spark: {color: 'blue'},
};

/** For projectors: no grey or dim text, everything bold, strong colours. */
const contrast: Readonly<Record<Tone, Style>> = {
	computing: {color: 'greenBright', bold: true},
	io: {color: 'cyanBright', bold: true},
	gil: {color: 'magentaBright', bold: true},
	split: {color: 'magentaBright', bold: true},
	idle: {color: 'white', bold: true},
	dead: {color: 'redBright', bold: true},
	plain: {bold: true},
	title: {color: 'whiteBright', bold: true},
	accent: {color: 'yellowBright', bold: true},
	badge: {color: 'yellowBright', bold: true, inverse: true},
	muted: {color: 'white', bold: true},
	rule: {color: 'white', bold: true},
	good: {color: 'greenBright', bold: true},
	warn: {color: 'yellowBright', bold: true},
	bad: {color: 'redBright', bold: true},
	key: {color: 'yellowBright', bold: true},
	spark: {color: 'cyanBright', bold: true},
};

export const THEME_STYLES: Readonly<Record<ThemeName, Readonly<Record<Tone, Style>>>> = {dark, light, contrast};

/** The theme the screen is drawn in (--theme), handed down from the front end's render (dark when none is). */
export const ThemeContext = createContext<ThemeName>('dark');

const none: Style = {};

/** Style for a tone; with colour off there is no style at all, so no escape codes are written. */
export function styleOf(tone: Tone | undefined, color: boolean, theme: ThemeName = 'dark'): Style {
	return color && tone ? THEME_STYLES[theme][tone] : none;
}

type Format = Parameters<typeof styleText>[0];

/** Text with the tone's style as ANSI codes (what <Text> with those props would print). */
export function styled(text: string, tone: Tone | undefined, theme: ThemeName = 'dark'): string {
	const style = styleOf(tone, true, theme);
	const format: string[] = [];
	if (style.color) {
		format.push(style.color);
	}

	if (style.bold) {
		format.push('bold');
	}

	if (style.dimColor) {
		format.push('dim');
	}

	if (style.inverse) {
		format.push('inverse');
	}

	return format.length === 0 || text === '' ? text : styleText(format as Format, text, {validateStream: false});
}

/** One glyph per lane state, distinct without colour. */
export const stateGlyph: Readonly<Record<LaneState, string>> = {
	computing: '█',
	io: '░',
	gil: '▒',
	split: '▓',
	idle: '·',
	dead: '×',
};

/** Legend words per state: long, medium and short. */
export const stateWords: Readonly<Record<LaneState, readonly [string, string, string]>> = {
	computing: ['computing', 'computing', 'cpu'],
	io: ['waiting on I/O', 'I/O wait', 'io'],
	gil: ['waiting for the GIL', 'GIL wait', 'gil'],
	split: ['computing and GIL wait', 'cpu+GIL', 'c+g'],
	idle: ['idle', 'idle', 'idle'],
	dead: ['dead', 'dead', 'dead'],
};

export const LANE_STATES: readonly LaneState[] = ['computing', 'io', 'gil', 'split', 'idle', 'dead'];

/** Utilisation 0..1 → a tone (calm, busy, hot). */
export function loadTone(fraction: number): Tone {
	if (fraction >= 0.85) {
		return 'bad';
	}

	return fraction >= 0.5 ? 'warn' : 'good';
}

/**
 * Colour is on unless `--no-color` was given (flag false) or NO_COLOR is set to anything.
 * The UI receives the result as a plain `color` prop.
 */
export function colorEnabled(flag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
	return flag && env['NO_COLOR'] === undefined;
}
