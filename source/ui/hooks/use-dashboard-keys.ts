import {useApp, useInput, useStdin, type Key} from 'ink';
import {useEffect, useReducer, type Dispatch} from 'react';
import type {Command, Controller} from '../../view/contract.js';
import {keysToCommands} from './keys.js';
import {stopJob} from './suspend.js';
import {initialUiState, uiReducer, type UiAction, type UiState} from './ui-state.js';

export type DashboardKeysOptions = {
	/** Sees each key first (the tour's clicker keys); true when it took the key. */
	readonly intercept?: (input: string, key: Key) => boolean;
	/** What quitting means (the tour ends itself); default: the controller's quit. */
	readonly quit?: () => void;
};

/**
 * The dashboard's keys: Esc closes the help, `?` toggles it, every other key
 * becomes a command for the controller. Input is read only where the
 * terminal has a raw mode, and until the session has ended; then the app exits.
 * Ctrl+Z suspends: the terminal is restored and the job stops until `fg`.
 */
export function useDashboardKeys(controller: Controller, ended: boolean, options: DashboardKeysOptions = {}): [UiState, Dispatch<UiAction>] {
	const [ui, send] = useReducer(uiReducer, initialUiState);
	const {isRawModeSupported} = useStdin();
	const {exit, suspendTerminal} = useApp();
	const dispatch = (command: Command): void => {
		if (command.type === 'quit' && options.quit) {
			options.quit();
		} else {
			controller.dispatch(command);
		}
	};

	useInput(
		(input, key) => {
			if (key.escape) {
				send({type: 'close-help'});
				return;
			}

			if (key.ctrl && input === 'z') {
				// Ink hands the terminal back (frame erased, cursor shown, raw mode off) and redraws the whole frame on its return.
				void suspendTerminal(stopJob).catch(() => undefined);
				return;
			}

			if (options.intercept?.(input, key)) {
				return;
			}

			for (const command of keysToCommands(input, key)) {
				if (command === 'help') {
					send({type: 'toggle-help'});
				} else {
					dispatch(command);
				}
			}
		},
		{isActive: isRawModeSupported && !ended},
	);

	useEffect(() => {
		if (ended) {
			exit();
		}
	}, [ended, exit]);

	return [ui, send];
}
