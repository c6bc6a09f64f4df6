/** The themes (--theme): dark (the default), light for a white background, contrast for projectors. */
export const THEMES = ['dark', 'light', 'contrast'] as const;
export type ThemeName = (typeof THEMES)[number];

/**
 * The terminal a theme is drawn for, as the asciicast v2 header's `theme`
 * (https://docs.asciinema.org/manual/asciicast/v2/): default foreground and
 * background, and the 16 ANSI colours (8 normal, then 8 bright) as CSS hex.
 * A recording carries its theme's colours, so the exports show it as it was.
 */
export type TerminalColours = {
	readonly fg: string;
	readonly bg: string;
	readonly palette: readonly string[];
};

/** Dark: xterm's defaults, slightly softened (today's look, also of a recording without a theme). */
const dark: TerminalColours = {
	fg: '#d3d7cf',
	bg: '#1c1c1c',
	palette: [
		'#2e3436', '#cc3333', '#4e9a06', '#c4a000', '#3465a4', '#b05fb0', '#06989a', '#d3d7cf',
		'#6f7570', '#ef2929', '#8ae234', '#fce94f', '#729fcf', '#ce88c4', '#34e2e2', '#eeeeec',
	],
};

/** Light: dark text on white; every colour dark enough to read there (bright ones too: bold uses them). */
const light: TerminalColours = {
	fg: '#1f2328',
	bg: '#fbfbf8',
	palette: [
		'#1f2328', '#c01c28', '#26802a', '#8a6a00', '#1c56b8', '#9a32a0', '#0b7a82', '#8e918c',
		'#5e6360', '#d7263d', '#2f9134', '#9c7800', '#2a63cc', '#ad3cb4', '#0d8a93', '#4a4e52',
	],
};

/** Contrast, for projectors: pure black, white text, saturated colours. */
const contrast: TerminalColours = {
	fg: '#ffffff',
	bg: '#000000',
	palette: [
		'#000000', '#ff3b3b', '#2ee82e', '#ffd21f', '#4d8bff', '#f050f0', '#1fe0e0', '#e8e8e8',
		'#9a9a9a', '#ff6060', '#5cff5c', '#ffff5c', '#80aaff', '#ff80ff', '#5cffff', '#ffffff',
	],
};

export const TERMINAL_COLOURS: Readonly<Record<ThemeName, TerminalColours>> = {dark, light, contrast};

const HEX = /^#[\da-f]{6}$/i;

/**
 * A header's `theme` read back: `{fg, bg, palette: "c1:c2:…"}` with 8 or 16
 * colours (8: the bright ones repeat them); undefined when absent or malformed.
 */
export function coloursOf(theme: unknown): TerminalColours | undefined {
	if (theme === null || typeof theme !== 'object') {
		return undefined;
	}

	const {fg, bg, palette} = theme as Record<string, unknown>;
	if (typeof fg !== 'string' || typeof bg !== 'string' || typeof palette !== 'string' || !HEX.test(fg) || !HEX.test(bg)) {
		return undefined;
	}

	const colours = palette.split(':');
	if ((colours.length !== 8 && colours.length !== 16) || !colours.every((c) => HEX.test(c))) {
		return undefined;
	}

	return {fg: fg.toLowerCase(), bg: bg.toLowerCase(), palette: (colours.length === 8 ? [...colours, ...colours] : colours).map((c) => c.toLowerCase())};
}

/** The same as the header writes it. */
export const headerTheme = (colours: TerminalColours): {fg: string; bg: string; palette: string} =>
	({fg: colours.fg, bg: colours.bg, palette: colours.palette.join(':')});
