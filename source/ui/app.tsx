import {Text, useWindowSize} from 'ink';
import type {Controller} from '../view/contract.js';
import {Dashboard} from './dashboard.js';
import {wrap} from './text/text.js';
import {useDashboardKeys} from './hooks/use-dashboard-keys.js';
import {useView} from './hooks/use-view.js';

export type AppProps = {
	readonly controller: Controller;
	readonly color: boolean;
};

/** The live dashboard: the controller's views at the terminal's size; keys become commands; the summary stays on exit. */
export function App({controller, color}: AppProps) {
	const view = useView(controller);
	const {columns, rows} = useWindowSize();
	const ended = view.summary !== null;
	const [ui] = useDashboardKeys(controller, ended);

	if (view.summary !== null) {
		return <Text>{view.summary.split('\n').flatMap((line) => (line.length > columns ? wrap(line, columns) : [line])).join('\n')}</Text>;
	}

	return <Dashboard view={view} width={columns} height={rows} color={color} showHelp={ui.showHelp} />;
}
