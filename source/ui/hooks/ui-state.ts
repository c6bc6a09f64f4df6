/** State the UI keeps for itself (everything else comes from the View). */
export type UiState = {readonly showHelp: boolean};

export type UiAction = {readonly type: 'toggle-help'} | {readonly type: 'close-help'};

export const initialUiState: UiState = {showHelp: false};

export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'toggle-help': {
			return {...state, showHelp: !state.showHelp};
		}

		case 'close-help': {
			return state.showHelp ? {...state, showHelp: false} : state;
		}
	}
}
