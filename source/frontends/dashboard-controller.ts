import {applyCommand} from '../config/config-cycle.js';
import {MODES, type RunConfig} from '../config/config.js';
import type {Command, CompareView, Controller, View} from './controller.js';
import {runInfoOf} from '../metrics/run-info.js';
import type {ModelSnapshot, RunResult} from '../metrics/snapshot.js';
import {formatLeaderboardLines, formatSummaryParagraph} from '../reporters/plain.js';
import type {Session} from '../session/session.js';
import {t} from '../i18n/catalogue.js';

export type DashboardController = Controller & {
	/** Start the first run (or the comparison). */
	start(compare: boolean): void;
	/** Run this config instead (or compare every mode on it), as a key that restarts would. */
	play(config: RunConfig, compare: boolean): void;
	/** Resolves once a quit has ended every run and the server. */
	readonly finished: Promise<void>;
};

/**
 * The session as the dashboard drives it: keys become commands, a command
 * that changes the run cancels the current one cleanly and starts the next.
 * Views are replaced, never mutated, on every frame and on every command.
 */
export function createDashboardController(initial: RunConfig, session: Session): DashboardController {
	const listeners = new Set<(view: View) => void>();
	let view: View = {config: initial, run: runInfoOf(0, initial), snapshot: null, compare: null, notice: '', summary: null};
	let generation = 0;
	let active: Promise<void> = Promise.resolve();
	let lastResult: RunResult | undefined;
	let lastModel: ModelSnapshot | undefined;
	let quitting = false;
	let finish: () => void = () => undefined;
	const finished = new Promise<void>((resolve) => {
		finish = resolve;
	});

	const update = (change: Partial<View>): void => {
		const next = {...view, ...change};
		view = {...next, run: next.snapshot?.run ?? runInfoOf(0, next.config)};
		for (const listener of listeners) {
			listener(view);
		}
	};

	session.subscribe((snapshot) => {
		lastModel = snapshot.model;
		update({snapshot});
	});

	const runOne = async (config: RunConfig): Promise<void> => {
		update({snapshot: null});
		lastResult = await session.run(config);
	};

	const runCompare = async (config: RunConfig, current: number): Promise<void> => {
		let compare: CompareView = {modes: MODES, results: [], running: MODES[0]};
		update({compare});
		for (const mode of MODES) {
			if (current !== generation) {
				return;
			}

			compare = {...compare, running: mode};
			update({compare, snapshot: null});
			const result = await session.run({...config, mode});
			lastResult = result;
			compare = {...compare, results: [...compare.results, result]};
			update({compare});
		}

		update({compare: {...compare, running: null}});
	};

	const switchTo = (config: RunConfig, compare: boolean): void => {
		const current = ++generation;
		const previous = active;
		session.cancel();
		update({config, compare: compare ? view.compare : null});
		active = (async () => {
			await previous;
			if (current !== generation || quitting) {
				return;
			}

			try {
				await (compare ? runCompare(config, current) : runOne(config));
			} catch (error) {
				update({notice: `the run could not complete: ${error instanceof Error ? error.message : String(error)}`});
			}
		})();
	};

	const quit = async (): Promise<void> => {
		if (quitting) {
			return;
		}

		quitting = true;
		generation++;
		await session.close();
		await active;
		const board = view.compare && view.compare.results.length > 1 ? formatLeaderboardLines(view.compare.results) : [];
		const paragraph = lastResult ? formatSummaryParagraph(lastResult, lastModel) : t('concviz: no run was started.');
		update({summary: [...board, paragraph].join('\n')});
		finish();
	};

	return {
		getView: () => view,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		dispatch(command: Command) {
			if (quitting) {
				return;
			}

			switch (command.type) {
				case 'quit': {
					void quit();
					return;
				}

				case 'toggle-pause': {
					if (session.paused) {
						session.resume();
					} else {
						session.pause();
					}

					update({notice: session.paused ? 'paused: no new tasks are handed out (space resumes)' : ''});
					return;
				}

				case 'compare': {
					switchTo(view.config, true);
					return;
				}

				default: {
					const change = applyCommand(view.config, command);
					update({notice: change.notice});
					if (change.restart) {
						switchTo(change.config, false);
					} else {
						update({config: change.config});
					}
				}
			}
		},
		start(compare) {
			switchTo(view.config, compare);
		},
		play(config, compare) {
			if (!quitting) {
				view = {...view, notice: ''};
				switchTo(config, compare);
			}
		},
		finished,
	};
}
