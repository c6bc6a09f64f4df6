import process from 'node:process';
import {render} from 'ink';
import type {ReplayOptions} from './format.js';
import type {Recording} from './reader.js';
import {ReplayApp} from './replay-app.js';
import {ReplayController} from './replay-controller.js';
import {Timeline} from './timeline.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** `concviz replay FILE` on a terminal: the dashboard plays the saved session until q (or a signal); returns the exit code. */
export async function playReplay(recording: Recording, options: ReplayOptions, stdout: NodeJS.WriteStream = process.stdout): Promise<number> {
	const controller = new ReplayController(new Timeline(recording), {fps: options.config.fps});
	const quit = (): void => {
		controller.dispatch({type: 'quit'});
	};

	for (const signal of SIGNALS) {
		process.on(signal, quit);
	}

	try {
		const instance = render(<ReplayApp controller={controller} color={options.config.color} />, {
			stdout,
			maxFps: options.config.fps,
			exitOnCtrlC: false,
			patchConsole: false,
			incrementalRendering: false,
		});
		controller.start();
		await instance.waitUntilExit();
		quit();
		await controller.finished;
	} finally {
		for (const signal of SIGNALS) {
			process.off(signal, quit);
		}
	}

	return 0;
}
