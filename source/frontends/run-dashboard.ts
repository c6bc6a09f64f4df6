import process from 'node:process';
import type {RunConfig, ServerOptions} from '../config/config.js';
import type {ThemeName} from '../config/terminal-colours.js';
import {recordMarkers} from '../record/markers.js';
import type {RunTap, SessionObserver} from '../session/observer.js';
import {createSession} from '../session/session.js';
import {renderDashboard} from '../ui/render-dashboard.js';
import {createDashboardController} from './dashboard-controller.js';
import {openRecorder, runLive} from './live.js';
import type {Outputs} from './outputs.js';

/** The live dashboard: runs until the user quits (q, Ctrl+C, SIGTERM); returns the exit code. */
export async function runDashboard(input: {config: RunConfig; server: ServerOptions; theme: ThemeName; compare: boolean; outputs: Outputs; observer?: SessionObserver; tap?: RunTap | undefined}): Promise<number> {
	const {config} = input;
	const session = createSession({server: input.server, observer: input.observer, tap: input.tap});
	const controller = createDashboardController(config, session);
	const recorder = await openRecorder(config, input.outputs, input.theme);
	if (recorder) {
		recordMarkers(controller, recorder);
	}

	await runLive({session, recorder, outputs: input.outputs, quit: () => controller.dispatch({type: 'quit'})}, async () => {
		controller.start(input.compare);
		await renderDashboard(controller, {color: config.color, theme: input.theme, fps: config.fps, stdout: recorder?.stdout ?? process.stdout});
		controller.dispatch({type: 'quit'});
		await controller.finished;
	});
	return 0;
}
