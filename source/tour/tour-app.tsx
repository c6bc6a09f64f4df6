import {Box, useWindowSize} from 'ink';
import {useEffect} from 'react';
import type {Controller} from '../view/contract.js';
import type {Lang} from '../i18n/lang.js';
import {Dashboard} from '../ui/dashboard.js';
import {Lines} from '../ui/text/line-text.js';
import {useDashboardKeys} from '../ui/hooks/use-dashboard-keys.js';
import {useView} from '../ui/hooks/use-view.js';
import {endedAtBound} from './bound.js';
import {CAPTION_ROWS, captionLines, tourBarLine, tourHelpLines} from './caption.js';
import type {Scene} from './scenes.js';
import {tourSummaryLines} from './summary.js';
import type {TourDriver} from './tour-driver.js';
import {tourKeyToAction} from './tour-keys.js';
import {useClock, useTour} from './use-tour.js';

export type TourAppProps = {
	readonly controller: Controller;
	readonly driver: TourDriver;
	readonly scenes: readonly Scene[];
	readonly lang: Lang;
	readonly color: boolean;
};

/** The tour: its bar and caption over the dashboard; clicker keys move between scenes, the rest go to the dashboard. */
export function TourApp({controller, driver, scenes, lang, color}: TourAppProps) {
	const view = useView(controller);
	const tour = useTour(driver);
	const now = useClock(tour.nextAt !== null);
	const {columns, rows} = useWindowSize();
	const ended = view.summary !== null;
	const [ui, send] = useDashboardKeys(controller, ended, {
		intercept(input, key) {
			const action = tourKeyToAction(input, key);
			if (action) {
				driver.dispatch(action);
			}

			return action !== null;
		},
		quit: () => driver.dispatch({type: 'end'}),
	});

	// A new scene (or a rerun) starts with the dashboard, not the help it replaced.
	useEffect(() => {
		send({type: 'close-help'});
	}, [tour.state.take]);

	if (ended) {
		return <Lines lines={tourSummaryLines(scenes, tour.outcomes, lang, columns)} width={columns} color={color} />;
	}

	const input = {tour, lang, width: columns, height: rows, now};
	const bound = tour.scene.boundSeconds;
	const stopped = view.snapshot !== null && endedAtBound(view.snapshot, bound);
	return (
		<Box flexDirection="column" width={columns}>
			<Lines lines={[tourBarLine(input), ...(ui.showHelp ? tourHelpLines(lang, columns) : captionLines(input))]} width={columns} color={color} />
			<Dashboard view={view} width={columns} height={Math.max(1, rows - CAPTION_ROWS)} color={color} showHelp={ui.showHelp} stoppedAtBound={stopped ? bound : undefined} />
		</Box>
	);
}
