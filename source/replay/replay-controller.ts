import {MODES} from '../config/config.js';
import {Listeners} from '../events/listeners.js';
import type {Command, CompareView, Controller, View} from '../view/contract.js';
import {runInfoOf} from '../model/run-info.js';
import type {RunInfo, RunResult} from '../metrics/snapshot.js';
import {formatLeaderboardLines, formatSummaryParagraph} from '../reporters/plain.js';
import {initialPlayer, playerReducer, type PlayerAction, type PlayerState} from './player.js';
import type {Timeline} from './timeline.js';

/** Said when a key of the live dashboard is pressed in a replay. */
export const REPLAY_NOTICE = 'a replay plays what was saved: it has no run to change';

/**
 * A saved session as the dashboard reads it: the same views a live session
 * makes (snapshot, comparison, summary), from the timeline at the player's
 * time. No server, no workers: keys move the player, not a run.
 */
export class ReplayController implements Controller {
	readonly timeline: Timeline;
	readonly finished: Promise<void>;
	readonly #listeners = new Listeners<View>();
	readonly #fps: number;
	readonly #clock: () => number;
	#player: PlayerState = initialPlayer;
	#stop = -1;
	#view: View;
	#timer: NodeJS.Timeout | undefined;
	#last = 0;
	#finish: () => void = () => undefined;

	constructor(timeline: Timeline, options: {fps: number; clock?: () => number}) {
		this.timeline = timeline;
		this.#fps = options.fps;
		this.#clock = options.clock ?? (() => performance.now());
		const {config} = timeline.recording.header;
		this.#view = {config, run: runInfoOf(0, config), snapshot: null, preparing: null, compare: null, notice: '', requestSteps: [config.requests], summary: null};
		this.finished = new Promise((resolve) => {
			this.#finish = resolve;
		});
		this.#show();
	}

	get player(): PlayerState {
		return this.#player;
	}

	getView(): View {
		return this.#view;
	}

	subscribe(listener: (view: View) => void): () => void {
		return this.#listeners.add(listener);
	}

	/** Plays on the frame clock (fps), from where the player is. */
	start(): void {
		this.#last = this.#clock();
		this.#timer ??= setInterval(() => {
			const now = this.#clock();
			const ms = now - this.#last;
			this.#last = now;
			this.send({type: 'tick', ms});
		}, 1000 / this.#fps);
		// The terminal's input keeps the process alive while the replay is on screen; the clock alone does not.
		this.#timer.unref();
	}

	send(action: PlayerAction): void {
		if (this.#view.summary !== null) {
			return;
		}

		const next = playerReducer(this.#player, action, this.timeline);
		if (next === this.#player) {
			return;
		}

		const moved = next.paused !== this.#player.paused || next.speed !== this.#player.speed;
		this.#player = next;
		if (action.type !== 'tick' && this.#view.notice !== '') {
			this.#view = {...this.#view, notice: ''};
		}

		this.#show(moved || action.type !== 'tick');
	}

	dispatch(command: Command): void {
		switch (command.type) {
			case 'quit': {
				this.#quit();
				return;
			}

			case 'toggle-pause': {
				this.send({type: 'toggle-pause'});
				return;
			}

			default: {
				this.#update({notice: REPLAY_NOTICE});
			}
		}
	}

	#quit(): void {
		if (this.#timer) {
			clearInterval(this.#timer);
			this.#timer = undefined;
		}

		if (this.#view.summary !== null) {
			return;
		}

		const {compare, snapshot} = this.#view;
		const results = this.#resultsBefore(this.#runShown() + 1);
		const board = compare && compare.results.length > 1 ? formatLeaderboardLines(compare.results) : [];
		const last = results.at(-1);
		const paragraph = last ? formatSummaryParagraph(last, snapshot?.model) : 'concviz: replay: no run of the save ended before the replay stopped.';
		this.#update({summary: [...board, paragraph].join('\n')});
		this.#finish();
	}

	#runShown(): number {
		return this.timeline.stops[Math.max(0, this.#stop)]?.run ?? 0;
	}

	/** The results of the runs before `run` (and of `run` once it has ended on screen). */
	#resultsBefore(run: number): RunResult[] {
		return this.timeline.results.slice(0, run).filter((r): r is RunResult => r !== null);
	}

	/** The view at the player's time; a new snapshot only when the stop changed. */
	#show(always = true): void {
		const stop = this.timeline.stopAt(this.#player.at);
		if (stop === this.#stop && !always) {
			return;
		}

		this.#stop = stop;
		const snapshot = this.timeline.snapshot(stop);
		const {run} = this.timeline.stops[stop]!;
		const over = snapshot.status === 'done' || snapshot.status === 'cancelled';
		this.#update({snapshot, config: configOf(this.#view.config, snapshot.run), compare: this.#compare(run, over, snapshot.run)});
	}

	#compare(run: number, over: boolean, info: RunInfo): CompareView | null {
		if (this.timeline.recording.header.command !== 'compare') {
			return null;
		}

		const results = this.#resultsBefore(over ? run + 1 : run);
		const last = run === this.timeline.recording.runs.length - 1;
		return {modes: MODES, results, running: over && last ? null : info.mode};
	}

	#update(change: Partial<View>): void {
		this.#view = {...this.#view, ...change, run: change.snapshot?.run ?? this.#view.run};
		this.#listeners.emit(this.#view);
	}
}

/** The config as the run shown had it: its mode and knobs (the help bar and lane labels read them). */
function configOf(config: View['config'], run: RunInfo): View['config'] {
	return {...config, mode: run.mode, work: run.work, requests: run.requested, workers: run.workers, threads: run.threads, concurrency: run.concurrency, cpuMs: run.cpuMs, gil: run.gil};
}
