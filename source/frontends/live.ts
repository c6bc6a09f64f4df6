import process from 'node:process';
import type {RunConfig} from '../config/config.js';
import type {Recorder} from '../record/asciicast.js';
import type {Session} from '../session/session.js';
import {TERMINAL_COLOURS} from '../config/terminal-colours.js';
import {currentTheme} from '../ui/theme.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The asciicast recorder of --record, when asked for (its output then stands in for stdout), in the theme's colours. */
export async function openRecorder(config: RunConfig): Promise<Recorder | undefined> {
	return config.record === undefined
		? undefined
		: (await import('../record/asciicast.js')).createRecorder(config.record, process.stdout, TERMINAL_COLOURS[currentTheme()]);
}

/**
 * Run a live front end (the dashboard, the tour) until it ends: Ctrl+C,
 * SIGTERM and SIGHUP quit as `q` does; afterwards every worker, the embedded
 * server and the recording are closed, whatever happened.
 */
export async function runLive(parts: {readonly session: Session; readonly recorder: Recorder | undefined; quit(): void}, body: () => Promise<void>): Promise<void> {
	const quit = (): void => {
		parts.quit();
	};

	for (const signal of SIGNALS) {
		process.on(signal, quit);
	}

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
