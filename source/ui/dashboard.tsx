import {Box} from 'ink';
import type {View} from '../view/contract.js';
import {CompactBody} from './compact-body.js';
import {Header} from './panels/header.js';
import {Help} from './panels/help-panel.js';
import {HelpBar} from './panels/help-bar.js';
import {Leaderboard} from './panels/leaderboard.js';
import {Lines} from './text/line-text.js';
import {lessonOf} from './lines/lessons.js';
import {preparingText} from './lines/preparing-line.js';
import {fitLine, seg, type Line} from './text/text.js';
import {TooSmall, isTooSmall} from './too-small.js';
import {endedCount} from '../metrics/snapshot.js';
import {WideBody, isWide} from './wide-body.js';
import {t} from '../i18n/catalogue.js';

export type DashboardProps = {
	readonly view: View;
	readonly width: number;
	readonly height: number;
	readonly color: boolean;
	readonly showHelp: boolean;
	/** The task view in place of the lanes (`v`). */
	readonly taskView?: boolean;
	/** The run ended at a tour scene's bound of this many seconds (the header says it stopped as planned). */
	readonly stoppedAtBound?: number | undefined;
	/** A line in place of the key bar (a replay's keys). */
	readonly bar?: Line | undefined;
};

function compareTag(view: View): string {
	const c = view.compare;
	if (!c) {
		return '';
	}

	return c.running ? `${t('compare')} ${Math.min(c.results.length + 1, c.modes.length)}/${c.modes.length}` : t('compare');
}

/** The whole screen for a terminal of `width`×`height`: a pure function of its props. */
export function Dashboard({view, width, height, color, showHelp, taskView = false, stoppedAtBound, bar}: DashboardProps) {
	if (isTooSmall(width, height)) {
		return <TooSmall width={width} height={height} color={color} />;
	}

	const s = view.snapshot;
	const run = s?.run ?? view.run;
	const bodyHeight = height - 3;
	let body;
	if (showHelp) {
		body = <Help mode={run.mode} requestSteps={view.requestSteps} width={width} height={bodyHeight} color={color} />;
	} else if (s === null) {
		body = view.compare ? (
			<Leaderboard compare={view.compare} width={width} height={bodyHeight} color={color} />
		) : (
			<Lines
				lines={[[], [seg(`  ${preparingText(view.preparing)}`, 'muted')], [], fitLine([seg(t('  look for '), 'title'), seg(t(lessonOf(run.mode, run.work)), 'muted')], width)]}
				width={width}
				color={color}
			/>
		);
	} else {
		const Body = isWide(width, height) ? WideBody : CompactBody;
		const secondsPerSlice = view.config.fps > 0 ? 1 / view.config.fps : null;
		body = <Body snapshot={s} compare={view.compare} secondsPerSlice={secondsPerSlice} taskView={taskView} width={width} height={bodyHeight} color={color} />;
	}

	return (
		<Box flexDirection="column" width={width}>
			<Header
				run={run}
				status={s?.status ?? 'starting'}
				// The run's active time: the clock stops while the run is paused, as the measured time does.
				elapsedMs={s ? Math.max(0, s.elapsedMs - s.pausedMs) : 0}
				// A cancelled run (q, a switch, a tour scene's bound) shows what it finished, not the tasks it dropped.
				done={s ? (s.status === 'cancelled' ? s.completed + s.failed : endedCount(s)) : 0}
				etaMs={s?.etaMs ?? null}
				throughput={s?.throughput ?? 0}
				modelLeftMs={s && Number.isFinite(s.model.predictedMs) ? s.model.predictedMs - Math.max(0, s.elapsedMs - s.pausedMs) : null}
				tag={compareTag(view)}
				stoppedAtBound={stoppedAtBound}
				width={width}
				color={color}
			/>
			<Box flexDirection="column" width={width} height={bodyHeight} overflow="hidden">
				{body}
			</Box>
			{bar ? <Lines lines={[bar]} width={width} color={color} /> : <HelpBar width={width} notice={view.notice} mode={view.config.mode} color={color} />}
		</Box>
	);
}
