import type {RunConfig} from '../config/config.js';
import type {DashboardController} from '../frontends/dashboard-controller.js';
import type {View} from '../frontends/controller.js';
import type {Session} from '../session/session.js';
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
 * a stop after the scene's bound (the model extrapolates the rest), and with
 * --autoplay the wait after each run and the end of the tour after the last.
 */
export function createTourDriver(input: TourDriverInput): TourDriver {
	const {scenes, controller, session} = input;
	const now = input.now ?? Date.now;
	const listeners = new Set<(tour: TourView) => void>();
	let tour: TourView = {
		state: initialTourState(scenes.length),
		scene: scenes[0]!,
		autoplay: input.autoplay,
		nextAt: null,
		outcomes: scenes.map(() => undefined),
	};
	let timer: NodeJS.Timeout | undefined;
	/** The previous scene's last view may still show until the new run publishes its first (null) snapshot. */
	let fresh = false;
	/** The ended run's outcome is kept once. */
	let recorded = false;

	const publish = (change: Partial<TourView>): void => {
		tour = {...tour, ...change};
		for (const listener of listeners) {
			listener(tour);
		}
	};

	const clearTimer = (): void => {
		clearTimeout(timer);
		timer = undefined;
	};

	const play = (): void => {
		clearTimer();
		fresh = false;
		recorded = false;
		const {index} = tour.state;
		const scene = scenes[index]!;
		publish({scene, nextAt: null});
		input.onScene?.(scene, index);
		controller.play(sceneConfig(scene, input.base), scene.compare === true);
	};

	/** A scene left mid-run keeps what it measured so far (its run is cancelled by the next one or the quit). */
	const keepPartial = (): void => {
		const outcome = fresh && !recorded ? outcomeOf(controller.getView(), tour.scene.boundSeconds) : undefined;
		if (outcome) {
			const {index} = tour.state;
			publish({outcomes: tour.outcomes.map((o, i) => (i === index ? outcome : o))});
		}
	};

	const dispatch = (action: TourAction): void => {
		const state = tourReducer(tour.state, action);
		if (state === tour.state) {
			return;
		}

		keepPartial();
		publish({state});
		if (state.ended) {
			clearTimer();
			controller.dispatch({type: 'quit'});
		} else {
			play();
		}
	};

	const advance = (): void => {
		timer = undefined;
		if (session.paused) {
			timer = setTimeout(advance, 250);
			return;
		}

		dispatch(tour.state.index + 1 < tour.state.count ? {type: 'next'} : {type: 'end'});
	};

	controller.subscribe((view) => {
		if (tour.state.ended) {
			return;
		}

		if (!fresh) {
			fresh = view.snapshot === null;
			return;
		}

		const {index} = tour.state;
		const bound = tour.scene.boundSeconds;
		const s = view.snapshot;
		if (bound !== undefined && s?.status === 'running' && s.elapsedMs >= bound * 1000) {
			session.cancel();
		}

		const ended = runEnded(view);
		const outcome = ended && !recorded ? outcomeOf(view, bound) : undefined;
		recorded = ended;
		if (outcome) {
			publish({outcomes: tour.outcomes.map((o, i) => (i === index ? outcome : o))});
		}

		if (ended && timer === undefined && input.autoplay !== null) {
			timer = setTimeout(advance, input.autoplay * 1000);
			publish({nextAt: now() + input.autoplay * 1000});
		} else if (!ended && timer !== undefined) {
			clearTimer();
			publish({nextAt: null});
		}
	});

	return {
		getTour: () => tour,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		dispatch,
		start: play,
	};
}
