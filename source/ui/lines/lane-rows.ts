import {factsOf} from '../../config/modes.js';
import type {Mode} from '../../config/config.js';
import type {LaneSnapshot, LaneState} from '../../metrics/snapshot.js';
import {formatCount, formatPercent} from '../text/screen-format.js';
import {labelsOf, ordered, thicknessOf} from './lane-labels.js';
import {LANE_STATES, stateGlyph} from '../text/theme.js';
import {type Line, type Seg, cells, fitLine, lineWidth, padEnd, padStart, seg} from '../text/text.js';
import {timeAxis} from './time-axis.js';
import {t} from '../../i18n/catalogue.js';
import {isLoopMode} from './run-labels.js';

export type LaneRowsInput = {
	readonly lanes: readonly LaneSnapshot[];
	readonly mode: Mode;
	readonly width: number;
	/** Lines available, the heading included. */
	readonly height: number;
	/** Seconds one slice stands for (1/fps), for the time axis (a zoomed short run's columns are finer); null: no axis, just `time →`. */
	readonly secondsPerSlice: number | null;
	/** Rows a lane may take when there are few lanes (default 4). */
	readonly maxThickness?: number;
};

/** A short run is drawn at most this many columns a slice. */
const MAX_ZOOM = 20;

/**
 * Columns each slice takes so the run fills the lanes' width: a run of fewer slices than columns
 * (4 requests, a second) is stretched by a whole factor, every slice the same width, so it can be
 * seen from the back of a room; a longer one scrolls at one column a slice.
 */
function zoomOf(lanes: readonly LaneSnapshot[], width: number): number {
	const slices = Math.max(0, ...lanes.map((lane) => lane.slices.length));
	return slices === 0 ? 1 : Math.min(MAX_ZOOM, Math.max(1, Math.floor(width / slices)));
}

/** The slices that fit, `zoom` columns each, newest at the right edge, runs of one state merged into one segment. */
function sliceSegs(slices: readonly LaneState[], width: number, zoom = 1): Seg[] {
	const shown = slices.slice(-Math.floor(width / zoom));
	const out: Seg[] = [];
	if (shown.length * zoom < width) {
		out.push(seg(' '.repeat(width - shown.length * zoom)));
	}

	let i = 0;
	while (i < shown.length) {
		const state = shown[i]!;
		let j = i;
		while (j < shown.length && shown[j] === state) {
			j++;
		}

		out.push(seg(stateGlyph[state].repeat((j - i) * zoom), state));
		i = j;
	}

	return out;
}

/** `+12 more  ░ 10  █ 2`: how many lanes did not fit, and what they are doing now. */
function moreLine(hidden: readonly LaneSnapshot[]): Line {
	const tally = new Map<LaneState, number>();
	for (const lane of hidden) {
		tally.set(lane.state, (tally.get(lane.state) ?? 0) + 1);
	}

	const states = LANE_STATES.filter((s) => tally.has(s)).sort((a, b) => tally.get(b)! - tally.get(a)!);
	return [
		seg(t('+{n} more').replace('{n}', formatCount(hidden.length)), 'muted'),
		...states.flatMap((s) => [seg('  '), seg(stateGlyph[s], s), seg(` ${formatCount(tally.get(s)!)}`, 'muted')]),
	];
}

/** The lanes panel as lines: a heading with the time axis fitted to the run, one band per lane (or as many as fit and `+K more`). */
export function laneRows({lanes: unordered, mode, width, height, secondsPerSlice, maxThickness = 4}: LaneRowsInput): Line[] {
	if (height <= 0) {
		return [];
	}

	const lanes = ordered(unordered, mode);
	const loop = isLoopMode(mode);
	const labels = labelsOf(lanes, mode);
	const labelWidth = Math.max(4, ...labels.map((l) => lineWidth(l.main)));
	const tasksWidth = Math.max(5, t('tasks').length, ...lanes.map((l) => formatCount(l.tasks).length));
	const flightWidth = Math.max(9, t('in flight').length, t('on a core').length, ...lanes.map((l) => formatCount(l.inFlight).length));
	const rightOf = (tasks: string, elu: string, flight: string): string =>
		' ' + padStart(tasks, tasksWidth) + (loop ? '  ' + padStart(elu, 4) + '  ' + padStart(flight, flightWidth) : '');
	const rightWidth = cells(rightOf('', '', ''));
	const sliceWidth = Math.max(0, width - labelWidth - 1 - rightWidth);

	const zoom = zoomOf(lanes, sliceWidth);
	const heading: Line = [
		...timeAxis({title: t('lanes'), start: labelWidth + 1, width: sliceWidth, secondsPerSlice: secondsPerSlice === null ? null : secondsPerSlice / zoom}),
		seg(rightOf(t('tasks'), t('elu'), t('in flight')), 'muted'),
	];
	const out: Line[] = [fitLine(heading, width)];
	if (lanes.length === 0) {
		out.push([seg(t('starting workers…'), 'muted')]);
		return out.slice(0, height);
	}

	const rows = height - 1;
	const fits = lanes.length <= rows;
	const shown = fits ? lanes.length : Math.max(0, rows - 1);
	const {thickness, gap} = fits ? thicknessOf(lanes.length, rows, maxThickness) : {thickness: 1, gap: 0};
	const mainRow = factsOf(mode).label === 'tree' ? 0 : Math.floor((thickness - 1) / 2);
	for (let i = 0; i < shown; i++) {
		const lane = lanes[i]!;
		const label = labels[i]!;
		const bar = sliceSegs(lane.slices, sliceWidth, zoom);
		const elu = lane.elu === null ? '—' : formatPercent(lane.elu);
		const eluTone = lane.elu !== null && lane.elu >= 0.9 ? 'warn' : undefined;
		const right: Seg[] = [
			seg(' ' + padStart(formatCount(lane.tasks), tasksWidth)),
			...(loop
				? [seg('  '), seg(padStart(elu, 4), eluTone), seg('  ' + padStart(formatCount(lane.inFlight), flightWidth))]
				: []),
		];
		// Under a loop's elu, the share of that time it was on a core: a loop can be busy and still wait for one.
		const onCore: Seg[] = loop && lane.elu !== null
			? [seg(' ' + ' '.repeat(tasksWidth) + '  '), seg(padStart(formatPercent(lane.cpu), 4), 'muted'), seg('  ' + padEnd(t('on a core'), flightWidth), 'muted')]
			: [];
		for (let r = 0; r < thickness; r++) {
			const left = r === mainRow ? label.main : r < mainRow ? [] : label.filler;
			const rightOfRow = r === mainRow ? right : (r === mainRow + 1 ? onCore : []);
			const row: Seg[] = [...left, seg(' '.repeat(labelWidth - lineWidth(left) + 1)), ...bar, ...rightOfRow];
			out.push(fitLine(row, width));
		}

		if (i < shown - 1) {
			for (let g = 0; g < gap; g++) {
				out.push(label.gap);
			}
		}
	}

	if (!fits && rows > 0) {
		out.push(fitLine(moreLine(lanes.slice(shown)), width));
	}

	return out;
}
