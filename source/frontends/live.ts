import process from 'node:process';
import type {RunConfig} from '../config/config.js';
import type {Recorder} from '../record/asciicast.js';
import type {Session} from '../session/session.js';
import {TERMINAL_COLOURS} from '../config/terminal-colours.js';
import type {ThemeName} from '../config/terminal-colours.js';
import type {Outputs} from './outputs.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The asciicast recorder of --record, when asked for (its output then stands in for stdout), in the theme's colours. */
export async function openRecorder(config: RunConfig, outputs: Outputs, theme: ThemeName): Promise<Recorder | undefined> {
	if (config.record === undefined) {
		return undefined;
	}

	const file = await outputs.open('--record', config.record);
	return (await import('../record/asciicast.js')).createRecorder(file, process.stdout, TERMINAL_COLOURS[theme]);
}

/**
 * Run a live front end (the dashboard, the tour) until it ends: Ctrl+C,
 * SIGTERM and SIGHUP quit as `q` does, and so does the terminal going away
 * (a closed tmux pane or ssh session: its reads and writes fail, watched by
 * `outputs`, so nothing is thrown); afterwards every worker, the embedded
 * server and the recording are closed, whatever happened.
 */
export async function runLive(parts: {readonly session: Session; readonly recorder: Recorder | undefined; readonly outputs: Outputs; quit(): void}, body: () => Promise<void>): Promise<void> {
	const quit = (): void => {
		parts.quit();
	};

	for (const signal of SIGNALS) {
		process.on(signal, quit);
	}

	parts.outputs.watch(process.stdout, 'terminal', 'the terminal');
	parts.outputs.watch(process.stdin, 'terminal', 'the terminal');
	parts.outputs.onTerminalLost(quit);
	try {
		await body();
		quit();
	} finally {
		for (const signal of SIGNALS) {
			process.off(signal, quit);
		}

		await parts.session.close();
		await parts.recorder?.close();
	}
}
