import {render} from 'ink';
import type {ThemeName} from '../config/terminal-colours.js';
import type {Controller} from '../view/contract.js';
import {ThemeContext} from './text/theme.js';
import {App} from './app.js';

export type RenderDashboardOptions = {
	/** Colour on (false for --no-color or NO_COLOR). */
	readonly color: boolean;
	/** --theme (dark when not given). */
	readonly theme?: ThemeName;
	/** Frames per second at most. */
	readonly fps: number;
	readonly stdout?: NodeJS.WriteStream;
	readonly stdin?: NodeJS.ReadStream;
};

/**
 * Draw the dashboard for a controller until the session ends (the view's summary is set) or the app is unmounted.
 * Ctrl+C is a key like `q` (a quit command), so the session can stop its workers first.
 * Resolves once Ink has unmounted and the terminal is restored (raw mode off, cursor shown).
 */
export async function renderDashboard(controller: Controller, options: RenderDashboardOptions): Promise<void> {
	const instance = render(<ThemeContext.Provider value={options.theme ?? 'dark'}><App controller={controller} color={options.color} /></ThemeContext.Provider>, {
		stdout: options.stdout,
		stdin: options.stdin,
		maxFps: options.fps,
		exitOnCtrlC: false,
		patchConsole: false,
		// Whole frames, not Ink's per-line diff: the lanes change on every
		// frame anyway, and diffing lines full of non-ASCII glyphs (segmenting
		// and measuring each one) cost more of the main thread than writing them.
		incrementalRendering: false,
	});
	await instance.waitUntilExit();
}
