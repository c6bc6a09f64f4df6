import type {Mode} from '../../config/config.js';
import {factsOf} from '../../config/modes.js';
import type {LaneSnapshot} from '../../metrics/snapshot.js';
import {type Seg, cells, seg} from '../text/text.js';

/** A lane's label on its main row, and the filler for its other rows (a tree line under a process). */
export type LaneLabel = {readonly main: Seg[]; readonly filler: Seg[]; readonly gap: Seg[]};

const treeOf = (first: boolean, last: boolean): string => (first ? (last ? '─' : '┬') : last ? '└' : '├');

/** Lanes in display order: by process then thread in processes × threads, else by worker. */
export function ordered(lanes: readonly LaneSnapshot[], mode: Mode): LaneSnapshot[] {
	const key =
		factsOf(mode).label === 'tree' ? (l: LaneSnapshot) => l.process * 1e6 + l.thread : (l: LaneSnapshot) => l.worker;
	return [...lanes].sort((a, b) => key(a) - key(b));
}

/** `main`, `p1`, `t3`, `loop`; in processes × threads a tree under each process: `p0┬t0`, `  ├t1`, `  └t2`. */
export function labelsOf(lanes: readonly LaneSnapshot[], mode: Mode): LaneLabel[] {
	const kind = factsOf(mode).label;
	if (kind === 'tree') {
		const procWidth = Math.max(2, ...lanes.map((l) => cells(`p${l.process}`)));
		const blank = ' '.repeat(procWidth);
		return lanes.map((lane, i) => {
			const first = i === 0 || lanes[i - 1]!.process !== lane.process;
			const last = i === lanes.length - 1 || lanes[i + 1]!.process !== lane.process;
			const proc = first ? `p${lane.process}`.padEnd(procWidth) : blank;
			const thread = seg(`t${lane.thread}`, lane.state === 'dead' ? 'dead' : undefined);
			const down = [seg(blank), seg(last ? ' ' : '│', 'rule')];
			return {main: [seg(proc, 'title'), seg(treeOf(first, last), 'rule'), thread], filler: down, gap: down};
		});
	}

	return lanes.map((lane) => {
		const text = kind === 'thread' ? `t${lane.worker}` : kind === 'process' ? `p${lane.process}` : kind;
		return {main: [seg(text, lane.state === 'dead' ? 'dead' : 'title')], filler: [], gap: []};
	});
}

/**
 * Rows per lane and blank rows between lanes for `lanes` lanes in `rows` rows:
 * few lanes get thick bands (up to `most` rows) with a gap, many lanes one row each.
 */
export function thicknessOf(lanes: number, rows: number, most: number): {thickness: number; gap: number} {
	for (let thickness = most; thickness >= 2; thickness--) {
		if (lanes * thickness + (lanes - 1) <= rows) {
			return {thickness, gap: 1};
		}
	}

	return lanes * 2 <= rows ? {thickness: 2, gap: 0} : {thickness: 1, gap: 0};
}
