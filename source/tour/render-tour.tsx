import {render} from 'ink';
import type {ThemeName} from '../config/terminal-colours.js';
import {ThemeContext} from '../ui/text/theme.js';
import type {Controller} from '../view/contract.js';
import type {Lang} from '../i18n/lang.js';
import type {Scene} from './scenes.js';
import type {TourDriver} from './tour-driver.js';
import {TourApp} from './tour-app.js';

export type RenderTourOptions = {
	readonly color: boolean;
	readonly theme: ThemeName;
	readonly fps: number;
	readonly lang: Lang;
	readonly stdout?: NodeJS.WriteStream;
};

/** Draw the tour until it ends (the view's summary is set); resolves once Ink has restored the terminal. */
export async function renderTour(controller: Controller, driver: TourDriver, scenes: readonly Scene[], options: RenderTourOptions): Promise<void> {
	const instance = render(<ThemeContext.Provider value={options.theme}><TourApp controller={controller} driver={driver} scenes={scenes} lang={options.lang} color={options.color} /></ThemeContext.Provider>, {
		stdout: options.stdout,
		maxFps: options.fps,
		exitOnCtrlC: false,
		patchConsole: false,
		incrementalRendering: false,
	});
	await instance.waitUntilExit();
}
