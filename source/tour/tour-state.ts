/** Where the tour is: which scene, and how many times it was started (a rerun starts it again). */
export type TourState = {
	readonly index: number;
	readonly count: number;
	/** Bumped by every start of a scene, so the driver knows when to (re)start its run. */
	readonly take: number;
	/** The tour has ended (autoplay after the last scene, or q). */
	readonly ended: boolean;
};

export type TourAction =
	| {readonly type: 'next'}
	| {readonly type: 'previous'}
	| {readonly type: 'rerun'}
	| {readonly type: 'end'};

export const initialTourState = (count: number): TourState => ({index: 0, count, take: 1, ended: false});

/** Scene navigation (pure): next and previous stop at the ends; a rerun starts the same scene again. */
export function tourReducer(state: TourState, action: TourAction): TourState {
	if (state.ended) {
		return state;
	}

	switch (action.type) {
		case 'next': {
			return state.index + 1 < state.count ? {...state, index: state.index + 1, take: state.take + 1} : state;
		}

		case 'previous': {
			return state.index > 0 ? {...state, index: state.index - 1, take: state.take + 1} : state;
		}

		case 'rerun': {
			return {...state, take: state.take + 1};
		}

		case 'end': {
			return {...state, ended: true};
		}
	}
}
