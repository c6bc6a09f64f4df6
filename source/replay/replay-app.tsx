import {Box, Text, useWindowSize} from 'ink';
import {Dashboard} from '../ui/dashboard.js';
import {Lines} from '../ui/text/line-text.js';
import {wrap} from '../ui/text/text.js';
import {keysToCommands} from '../ui/hooks/keys.js';
import {useDashboardKeys} from '../ui/hooks/use-dashboard-keys.js';
import {useView} from '../ui/hooks/use-view.js';
import {replayHeaderLine, replayKeysLine} from './replay-bar.js';
import type {ReplayController} from './replay-controller.js';
import {replayKeyToAction} from './replay-keys.js';

export type ReplayAppProps = {
	readonly controller: ReplayController;
	readonly color: boolean;
};

/** A saved session on the live dashboard: the replay's line over it, its keys under it; the summary stays on exit. */
export function ReplayApp({controller, color}: ReplayAppProps) {
	const view = useView(controller);
	const {columns, rows} = useWindowSize();
	const ended = view.summary !== null;
	useDashboardKeys(controller, ended, {
		intercept(input, key) {
			// A terminal may hand over several keys at once (fast typing, a slow pty): each is read.
			const chars = [...input];
			const keys = chars.length > 1 && !key.ctrl && !key.meta ? chars.map(ch => [ch, {}] as const) : [[input, key] as const];
			for (const [one, flags] of keys) {
				const action = replayKeyToAction(one, flags);
				if (action) {
					controller.send(action);
				} else if (one !== '?') {
					// The live dashboard's help lists keys a replay does not take, so ? opens none.
					for (const command of keysToCommands(one, flags)) {
						if (command !== 'help' && command !== 'tasks') {
							controller.dispatch(command);
						}
					}
				}
			}

			return true;
		},
	});

	if (view.summary !== null) {
		return <Text>{view.summary.split('\n').flatMap((line) => (line.length > columns ? wrap(line, columns) : [line])).join('\n')}</Text>;
	}

	const {timeline} = controller;
	const {header, end} = timeline.recording;
	const bar = replayHeaderLine({recordedAt: header.recordedAt, cores: header.cores, player: controller.player, durationMs: timeline.durationMs, cutAtMs: end === null ? timeline.durationMs : null, width: columns});
	return (
		<Box flexDirection="column" width={columns}>
			<Lines lines={[bar]} width={columns} color={color} />
			<Dashboard view={view} width={columns} height={Math.max(1, rows - 1)} color={color} showHelp={false} bar={replayKeysLine(view.notice, columns)} />
		</Box>
	);
}
