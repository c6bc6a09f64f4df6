import {Text, useApp, useInput, useStdin, useWindowSize} from 'ink';
import {useEffect, useReducer} from 'react';
import type {Controller} from '../frontends/controller.js';
import {Dashboard} from './dashboard.js';
import {keysToCommands} from './keys.js';
import {initialUiState, uiReducer} from './ui-state.js';
import {wrap} from './text.js';
import {useView} from './use-view.js';

export type AppProps = {
	readonly controller: Controller;
	readonly color: boolean;
};

/** The live dashboard: the controller's views at the terminal's size; keys become commands; the summary stays on exit. */
export function App({controller, color}: AppProps) {
	const view = useView(controller);
	const {columns, rows} = useWindowSize();
	const [ui, send] = useReducer(uiReducer, initialUiState);
	const {isRawModeSupported} = useStdin();
	const {exit} = useApp();
	const ended = view.summary !== null;

	useInput(
		(input, key) => {
			if (key.escape) {
				send({type: 'close-help'});
				return;
			}

			for (const command of keysToCommands(input, key)) {
				if (command === 'help') {
					send({type: 'toggle-help'});
				} else {
					controller.dispatch(command);
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

	if (view.summary !== null) {
		return <Text>{view.summary.split('\n').flatMap((line) => (line.length > columns ? wrap(line, columns) : [line])).join('\n')}</Text>;
	}

	return <Dashboard view={view} width={columns} height={rows} color={color} showHelp={ui.showHelp} />;
}
