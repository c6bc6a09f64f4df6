import {UsageError} from '../config/errors.js';
import {applyCommand, requestCycle} from '../config/config-cycle.js';
import {MODES, type RunConfig} from '../config/config.js';
import type {Command, CompareView, Controller, View} from '../view/contract.js';
import {runInfoOf} from '../model/run-info.js';
import type {ModelSnapshot, RunResult} from '../metrics/snapshot.js';
import {formatLeaderboardLines, formatSummaryParagraph} from '../reporters/plain.js';
import type {Session} from '../session/session.js';
import {Listeners} from '../events/listeners.js';
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
class Driver implements DashboardController {
	readonly finished: Promise<void>;
	readonly #session: Session;
	readonly #listeners = new Listeners<View>();
	#view: View;
	/** Bumped by every switch and by quit: a run of an older generation stops where it is. */
	#generation = 0;
	#active: Promise<void> = Promise.resolve();
	#lastResult: RunResult | undefined;
	#lastModel: ModelSnapshot | undefined;
	#quitting = false;
	#finish: () => void = () => undefined;
	/** The count the session started with: `n` comes back to it. */
	readonly #start: number;

	constructor(initial: RunConfig, session: Session) {
		this.#session = session;
		this.#start = initial.requests;
		this.#view = {config: initial, run: runInfoOf(0, initial), snapshot: null, preparing: null, compare: null, notice: '', requestSteps: requestCycle(initial.requests), summary: null};
		this.finished = new Promise<void>((resolve) => {
			this.#finish = resolve;
		});
		session.subscribe((snapshot) => {
			this.#lastModel = snapshot.model;
			this.#update({snapshot});
		});
		session.onPreparing((preparing) => {
			this.#update({preparing});
		});
	}

	getView(): View {
		return this.#view;
	}

	subscribe(listener: (view: View) => void): () => void {
		return this.#listeners.add(listener);
	}

	dispatch(command: Command): void {
		if (this.#quitting) {
			return;
		}

		switch (command.type) {
			case 'quit': {
				void this.#quit();
				return;
			}

			case 'toggle-pause': {
				this.#togglePause();
				return;
			}

			case 'compare': {
				this.#switchTo(this.#view.config, true);
				return;
			}

			default: {
				const change = applyCommand(this.#view.config, command, this.#start);
				this.#update({notice: change.notice});
				if (change.restart) {
					this.#switchTo(change.config, false);
				} else {
					this.#update({config: change.config});
				}
			}
		}
	}

	start(compare: boolean): void {
		this.#switchTo(this.#view.config, compare);
	}

	play(config: RunConfig, compare: boolean): void {
		if (!this.#quitting) {
			this.#view = {...this.#view, notice: ''};
			this.#switchTo(config, compare);
		}
	}

	#update(change: Partial<View>): void {
		const next = {...this.#view, ...change};
		this.#view = {...next, run: next.snapshot?.run ?? runInfoOf(0, next.config)};
		this.#listeners.emit(this.#view);
	}

	#togglePause(): void {
		const session = this.#session;
		if (session.paused) {
			session.resume();
		} else {
			session.pause();
		}

		this.#update({notice: session.paused ? 'paused: no new tasks are handed out (space resumes)' : ''});
	}

	async #runOne(config: RunConfig): Promise<void> {
		this.#update({snapshot: null});
		this.#lastResult = await this.#session.run(config);
	}

	async #runCompare(config: RunConfig, generation: number): Promise<void> {
		let compare: CompareView = {modes: MODES, results: [], running: MODES[0]};
		this.#update({compare});
		for (const mode of MODES) {
			if (generation !== this.#generation) {
				return;
			}

			compare = {...compare, running: mode};
			this.#update({compare, snapshot: null});
			const result = await this.#session.run({...config, mode});
			this.#lastResult = result;
			compare = {...compare, results: [...compare.results, result]};
			this.#update({compare});
		}

		this.#update({compare: {...compare, running: null}});
	}

	/** Cancel what runs; once it has ended, run `config` (or compare every mode on it) unless another switch came meanwhile. */
	#switchTo(config: RunConfig, compare: boolean): void {
		const generation = ++this.#generation;
		const previous = this.#active;
		this.#session.cancel();
		this.#update({config, compare: compare ? this.#view.compare : null});
		this.#active = (async () => {
			await previous;
			if (generation !== this.#generation || this.#quitting) {
				return;
			}

			try {
				await (compare ? this.#runCompare(config, generation) : this.#runOne(config));
			} catch (error) {
				// A setting this machine cannot hold (open files, memory) says what to do, as the CLI does up front.
				this.#update({notice: error instanceof UsageError ? error.message : `the run could not complete: ${error instanceof Error ? error.message : String(error)}`});
			}
		})();
	}

	/** End every run and the server, then leave the summary (the leaderboard of a comparison above the last run). */
	async #quit(): Promise<void> {
		if (this.#quitting) {
			return;
		}

		this.#quitting = true;
		this.#generation++;
		await this.#session.close();
		await this.#active;
		const {compare} = this.#view;
		const board = compare && compare.results.length > 1 ? formatLeaderboardLines(compare.results) : [];
		const paragraph = this.#lastResult ? formatSummaryParagraph(this.#lastResult, this.#lastModel) : t('concviz: no run was started.');
		this.#update({summary: [...board, paragraph].join('\n')});
		this.#finish();
	}
}

export const createDashboardController = (initial: RunConfig, session: Session): DashboardController => new Driver(initial, session);
