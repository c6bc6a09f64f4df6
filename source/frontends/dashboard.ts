import process from 'node:process';
import type {RunConfig, ServerOptions} from '../config/config.js';
import {createDashboardController} from './dashboard-controller.js';
import {recordMarkers} from '../record/markers.js';
import type {SessionObserver} from '../session/observer.js';
import {createSession} from '../session/session.js';
import {renderDashboard} from '../ui/render-dashboard.js';

/** The live dashboard: runs until the user quits (q, Ctrl+C, SIGTERM); returns the exit code. */
export async function runDashboard(input: {config: RunConfig; server: ServerOptions; compare: boolean; observer?: SessionObserver}): Promise<number> {
	const {config} = input;
	const session = createSession({server: input.server, observer: input.observer});
	const controller = createDashboardController(config, session);
	const quit = (): void => {
		controller.dispatch({type: 'quit'});
	};

	process.on('SIGINT', quit);
	process.on('SIGTERM', quit);
	process.on('SIGHUP', quit);
	const recorder = config.record === undefined
		? undefined
		: await (await import('../record/asciicast.js')).createRecorder(config.record, process.stdout);
	if (recorder) {
		recordMarkers(controller, recorder);
	}

	try {
		controller.start(input.compare);
		await renderDashboard(controller, {color: config.color, fps: config.fps, stdout: recorder?.stdout ?? process.stdout});
		quit();
		await controller.finished;
	} finally {
		process.off('SIGINT', quit);
		process.off('SIGTERM', quit);
		process.off('SIGHUP', quit);
		await session.close();
		await recorder?.close();
	}

	return 0;
}
