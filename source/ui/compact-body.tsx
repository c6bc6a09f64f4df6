import {Box} from 'ink';
import type {CompareView} from '../frontends/controller.js';
import type {Snapshot} from '../metrics/snapshot.js';
import {Cpu} from './cpu.js';
import {Lanes} from './lanes.js';
import {Leaderboard} from './leaderboard.js';
import {Legend} from './legend.js';
import {Model, modelLineCount} from './model.js';
import {Stats} from './stats.js';

export type BodyProps = {
	readonly snapshot: Snapshot;
	readonly compare: CompareView | null;
	/** Seconds per lane slice (1/fps). */
	readonly secondsPerSlice: number | null;
	readonly width: number;
	readonly height: number;
	readonly color: boolean;
};

/** Up to the wide layout (80×24 first): lanes take the free rows; CPU and requests side by side; the model line. */
export function CompactBody({snapshot: s, compare, secondsPerSlice, width, height, color}: BodyProps) {
	const modelHeight = modelLineCount(s.model);
	const board = compare ? Math.min(compare.modes.length + 2, height - modelHeight - 4) : 0;
	const block = compare ? 0 : height >= 18 ? 6 : 5;
	const lanes = height - board - block - modelHeight - 1;
	const left = Math.floor((width - 2) * 0.47);
	return (
		<Box flexDirection="column" width={width}>
			{compare ? <Leaderboard compare={compare} width={width} height={board} color={color} /> : null}
			<Box flexDirection="column" width={width} height={lanes + 1}>
				<Lanes lanes={s.lanes} mode={s.run.mode} width={width} height={lanes} secondsPerSlice={secondsPerSlice} color={color} />
				<Legend width={width} color={color} />
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
