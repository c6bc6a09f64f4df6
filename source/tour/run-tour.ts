import process from 'node:process';
import type {RunConfig, ServerOptions} from '../config/config.js';
import type {ThemeName} from '../config/terminal-colours.js';
import {pick} from '../i18n/catalogue.js';
import type {Lang} from '../i18n/lang.js';
import {recordMarkers} from '../record/markers.js';
import {createSession} from '../session/session.js';
import {renderTour} from './render-tour.js';
import {SCENES, sceneConfig} from './scenes.js';
import {createTourDriver} from './tour-driver.js';
import {createDashboardController} from '../frontends/dashboard-controller.js';
import {openRecorder, runLive} from '../frontends/live.js';
import type {Outputs} from '../frontends/outputs.js';

export type TourInput = {
	readonly config: RunConfig;
	readonly server: ServerOptions;
	readonly lang: Lang;
	readonly theme: ThemeName;
	/** Seconds each scene waits after its run before the next; null: the presenter moves on. */
	readonly autoplay: number | null;
	readonly outputs: Outputs;
};

/** `concviz tour`: the talk scene by scene on the live dashboard; returns the exit code. */
export async function runTour(input: TourInput): Promise<number> {
	const {config, lang} = input;
	const session = createSession({server: input.server});
	const controller = createDashboardController(sceneConfig(SCENES[0]!, config), session);
	const recorder = await openRecorder(config, input.outputs, input.theme);
	const markers = recorder ? recordMarkers(controller, recorder) : undefined;

	const driver = createTourDriver({
		scenes: SCENES,
		base: config,
		controller,
		session,
		autoplay: input.autoplay,
		onScene(scene, index) {
			markers?.scene(`${index + 1}/${SCENES.length} ${pick(scene.title, lang)}`, sceneConfig(scene, config).mode);
		},
	});
	const quit = (): void => {
		driver.dispatch({type: 'end'});
	};

	await runLive({session, recorder, outputs: input.outputs, quit}, async () => {
		driver.start();
		await renderTour(controller, driver, SCENES, {color: config.color, theme: input.theme, fps: config.fps, lang, stdout: recorder?.stdout ?? process.stdout});
		quit();
		await controller.finished;
	});
	return 0;
}
