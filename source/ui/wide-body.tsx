import {Box} from 'ink';
import type {BodyProps} from './compact-body.js';
import {Cpu} from './panels/cpu-panel.js';
import {hintLine} from './lines/hint.js';
import {Insights} from './panels/insights.js';
import {laneRows} from './lines/lane-rows.js';
import {Leaderboard} from './panels/leaderboard.js';
import {Legend} from './panels/legend.js';
import {Lines} from './text/line-text.js';
import {modelLines} from './lines/model-lines.js';
import {Model} from './panels/model-panel.js';
import {Stats} from './panels/stats.js';

export const isWide = (width: number, height: number): boolean => width >= 120 && height >= 30;

/** 120×30 and up: lanes wide on the left; CPU, requests and the model stacked on the right. */
export function WideBody({snapshot: s, compare, secondsPerSlice, width, height, color}: BodyProps) {
	const right = Math.min(64, Math.max(48, Math.floor(width * 0.36)));
	const left = width - right - 2;
	const statsHeight = 6;
	const modelProps = {model: s.model, elapsedMs: s.elapsedMs, pausedMs: s.pausedMs, status: s.status, width: right, variant: 'block', color} as const;
	const modelHeight = Math.min(modelLines({...modelProps, height: 99}).length, height - statsHeight - 5);
	const cpuHeight = Math.max(3, Math.min(s.cpu.perCore.length + 2, height - statsHeight - modelHeight - 2));
	const board = compare ? Math.min(compare.modes.length + 2, height - 8) : 0;
	const lanes = height - 3 - (compare ? board + 1 : 0);
	const hint = hintLine({run: s.run, model: s.model, startup: s.startup, width: left});
	const laneInput = {lanes: s.lanes, mode: s.run.mode, width: left, height: lanes, secondsPerSlice, maxThickness: 8} as const;
	// Rows the lanes leave (few lanes at 160×48): the terms as bars, latency percentiles, start-up, requests/s over time.
	const laneLines = laneRows(laneInput);
	const spare = compare ? 0 : lanes - laneLines.length - 1;
	return (
		<Box flexDirection="row" columnGap={2} width={width}>
			<Box flexDirection="column" width={left} flexShrink={0}>
				{compare ? (
					<Box marginBottom={1}>
						<Leaderboard compare={compare} width={left} height={board} color={color} />
					</Box>
				) : null}
				<Lines lines={laneLines} width={left} color={color} />
				<Legend width={left} color={color} />
				<Box marginTop={1}>
					<Lines lines={[hint]} width={left} color={color} />
				</Box>
				{spare >= 6 ? (
					<Box marginTop={1}>
						<Insights snapshot={s} width={left} height={spare - 1} color={color} />
					</Box>
				) : null}
			</Box>
			<Box flexDirection="column" width={right} flexShrink={0}>
				<Cpu cpu={s.cpu} width={right} height={cpuHeight} color={color} />
				<Box marginTop={1}>
					<Stats snapshot={s} width={right} height={statsHeight} color={color} />
				</Box>
				<Box marginTop={1}>
					<Model {...modelProps} height={modelHeight} />
				</Box>
			</Box>
		</Box>
	);
}
