import type {RunConfig} from '../config/config.js';
import type {DashboardController} from '../frontends/dashboard-controller.js';
import type {View} from '../view/contract.js';
import type {Session} from '../session/session.js';
import {Listeners} from '../events/listeners.js';
import {pastBound} from './bound.js';
import {type Scene, sceneConfig} from './scenes.js';
import {outcomeOf, type SceneOutcome} from './outcome.js';
import {type TourAction, type TourState, initialTourState, tourReducer} from './tour-state.js';

/** What the tour screen draws besides the dashboard, read-only, replaced on every change. */
export type TourView = {
	readonly state: TourState;
	readonly scene: Scene;
	/** Seconds each scene waits after its run (--autoplay), null when the presenter drives. */
	readonly autoplay: number | null;
	/** Epoch ms when autoplay goes on to the next scene, null while a run goes on. */
	readonly nextAt: number | null;
	/** The last run of each scene seen so far (for the closing summary). */
	readonly outcomes: readonly (SceneOutcome | undefined)[];
};

export type TourDriver = {
	getTour(): TourView;
	subscribe(listener: (tour: TourView) => void): () => void;
	dispatch(action: TourAction): void;
	/** Start the first scene. */
	start(): void;
};

export type TourDriverInput = {
	readonly scenes: readonly Scene[];
	readonly base: RunConfig;
	readonly controller: DashboardController;
	readonly session: Pick<Session, 'cancel' | 'paused'>;
	readonly autoplay: number | null;
	/** Called as each scene starts (a recording's marker). */
	readonly onScene?: (scene: Scene, index: number) => void;
	readonly now?: () => number;
};

const ENDED = new Set(['done', 'cancelled', 'failed']);

/** Has the run (or the comparison) the view shows ended? */
function runEnded(view: View): boolean {
	if (view.compare) {
		return view.compare.running === null && view.compare.results.length === view.compare.modes.length;
	}

	return view.snapshot !== null && ENDED.has(view.snapshot.status);
}

/**
 * Drives the dashboard controller through the scenes: each scene's preset run,
 * a stop after the scene's bound for a run too long for it (the model
 * extrapolates the rest; in a comparison, each such mode's run), and with
 * --autoplay the wait after each run and the end of the tour after the last.
 */
class Tour implements TourDriver {
	readonly #input: TourDriverInput;
	readonly #now: () => number;
	readonly #listeners = new Listeners<TourView>();
	#tour: TourView;
	#timer: NodeJS.Timeout | undefined;
	/** The previous scene's last view may still show until the new run publishes its first (null) snapshot. */
	#fresh = false;
	/** The ended run's outcome is kept once. */
	#recorded = false;

	constructor(input: TourDriverInput) {
		this.#input = input;
		this.#now = input.now ?? Date.now;
		const {scenes} = input;
		this.#tour = {state: initialTourState(scenes.length), scene: scenes[0]!, autoplay: input.autoplay, nextAt: null, outcomes: scenes.map(() => undefined)};
		input.controller.subscribe(view => this.#watch(view));
	}

	getTour(): TourView {
		return this.#tour;
	}

	subscribe(listener: (tour: TourView) => void): () => void {
		return this.#listeners.add(listener);
	}

	dispatch(action: TourAction): void {
		const state = tourReducer(this.#tour.state, action);
		if (state === this.#tour.state) {
			return;
		}

		this.#keepPartial();
		this.#publish({state});
		if (state.ended) {
			this.#clearTimer();
			this.#input.controller.dispatch({type: 'quit'});
		} else {
			this.start();
		}
	}

	/** Play the current scene. */
	start(): void {
		this.#clearTimer();
		this.#fresh = false;
		this.#recorded = false;
		const {index} = this.#tour.state;
		const scene = this.#input.scenes[index]!;
		this.#publish({scene, nextAt: null});
		this.#input.onScene?.(scene, index);
		this.#input.controller.play(sceneConfig(scene, this.#input.base), scene.compare === true);
	}

	/** Each view of the scene's run: stop it at its bound, keep its outcome once it ends, and count down to the next with --autoplay. */
	#watch(view: View): void {
		if (this.#tour.state.ended) {
			return;
		}

		if (!this.#fresh) {
			this.#fresh = view.snapshot === null;
			return;
		}

		const bound = this.#tour.scene.boundSeconds;
		if (view.snapshot && pastBound(view.snapshot, bound)) {
			this.#input.session.cancel();
		}

		const ended = runEnded(view);
		const outcome = ended && !this.#recorded ? outcomeOf(view, bound) : undefined;
		this.#recorded = ended;
		if (outcome) {
			this.#keep(outcome);
		}

		const {autoplay} = this.#input;
		if (ended && this.#timer === undefined && autoplay !== null) {
			this.#timer = setTimeout(() => this.#advance(), autoplay * 1000);
			this.#publish({nextAt: this.#now() + autoplay * 1000});
		} else if (!ended && this.#timer !== undefined) {
			this.#clearTimer();
			this.#publish({nextAt: null});
		}
	}

	#advance(): void {
		this.#timer = undefined;
		if (this.#input.session.paused) {
			this.#timer = setTimeout(() => this.#advance(), 250);
			return;
		}

		const {state} = this.#tour;
		this.dispatch(state.index + 1 < state.count ? {type: 'next'} : {type: 'end'});
	}

	/** A scene left mid-run keeps what it measured so far (its run is cancelled by the next one or the quit). */
	#keepPartial(): void {
		const outcome = this.#fresh && !this.#recorded ? outcomeOf(this.#input.controller.getView(), this.#tour.scene.boundSeconds) : undefined;
		if (outcome) {
			this.#keep(outcome);
		}
	}

	#keep(outcome: NonNullable<TourView['outcomes'][number]>): void {
		const {index} = this.#tour.state;
		this.#publish({outcomes: this.#tour.outcomes.map((o, i) => (i === index ? outcome : o))});
	}

	#publish(change: Partial<TourView>): void {
		this.#tour = {...this.#tour, ...change};
		this.#listeners.emit(this.#tour);
	}

	#clearTimer(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
	}
}

export const createTourDriver = (input: TourDriverInput): TourDriver => new Tour(input);
