/** State the UI keeps for itself (everything else comes from the View). */
export type UiState = {readonly showHelp: boolean; readonly taskView: boolean};

export type UiAction =
	| {readonly type: 'toggle-help'}
	| {readonly type: 'close-help'}
	/** `v`: the lanes or the task view. */
	| {readonly type: 'toggle-tasks'}
	/** A tour scene sets the view it is played with. */
	| {readonly type: 'set-tasks'; readonly on: boolean};

export const initialUiState: UiState = {showHelp: false, taskView: false};

export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'toggle-help': {
			return {...state, showHelp: !state.showHelp};
		}

		case 'close-help': {
			return state.showHelp ? {...state, showHelp: false} : state;
		}

		case 'toggle-tasks': {
			return {...state, taskView: !state.taskView};
		}

		case 'set-tasks': {
			return state.taskView === action.on ? state : {...state, taskView: action.on};
		}
	}
}
