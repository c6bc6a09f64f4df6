import {Box} from 'ink';
import type {CompareView} from '../view/contract.js';
import type {Snapshot} from '../metrics/snapshot.js';
import {Cpu} from './panels/cpu-panel.js';
import {hintLine} from './lines/hint.js';
import {Lanes} from './panels/lanes-panel.js';
import {Leaderboard} from './panels/leaderboard.js';
import {Legend} from './panels/legend.js';
import {Lines} from './text/line-text.js';
import {modelLineCount} from './lines/model-lines.js';
import {Model} from './panels/model-panel.js';
import {Stats} from './panels/stats.js';

export type BodyProps = {
	readonly snapshot: Snapshot;
	readonly compare: CompareView | null;
	/** Seconds per lane slice (1/fps). */
	readonly secondsPerSlice: number | null;
	readonly width: number;
	readonly height: number;
	readonly color: boolean;
};

/** Lanes the hint line leaves at least (the heading and three rows); on fewer, the hint gives its row back. */
const MIN_LANE_ROWS = 4;

/** Up to the wide layout (80×24 first): lanes take the free rows, the legend and the hint under them; CPU and requests side by side; the model line. */
export function CompactBody({snapshot: s, compare, secondsPerSlice, width, height, color}: BodyProps) {
	const modelHeight = modelLineCount(s.model);
	const board = compare ? Math.min(compare.modes.length + 2, height - modelHeight - 4) : 0;
	const block = compare ? 0 : height >= 18 ? 6 : 5;
	const free = height - board - block - modelHeight - 1;
	const hint = free - 1 >= MIN_LANE_ROWS ? 1 : 0;
	const lanes = free - hint;
	const left = Math.floor((width - 2) * 0.47);
	return (
		<Box flexDirection="column" width={width}>
			{compare ? <Leaderboard compare={compare} width={width} height={board} color={color} /> : null}
			<Box flexDirection="column" width={width} height={lanes + 1 + hint}>
				<Lanes lanes={s.lanes} mode={s.run.mode} width={width} height={lanes} secondsPerSlice={secondsPerSlice} color={color} />
				<Legend width={width} color={color} />
				{hint ? <Lines lines={[hintLine({run: s.run, model: s.model, startup: s.startup, width})]} width={width} color={color} /> : null}
			</Box>
			{compare ? null : (
				<Box flexDirection="row" columnGap={2} width={width}>
					<Cpu cpu={s.cpu} width={left} height={block} color={color} />
					<Stats snapshot={s} width={width - 2 - left} height={block} color={color} />
				</Box>
			)}
			<Model model={s.model} elapsedMs={s.elapsedMs} pausedMs={s.pausedMs} status={s.status} width={width} height={modelHeight} variant="line" color={color} />
		</Box>
	);
}
