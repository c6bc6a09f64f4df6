import {factsOf} from '../../config/modes.js';
import type {Mode} from '../../config/config.js';
import type {LaneSnapshot} from '../../metrics/snapshot.js';
import type {TaskCell, TaskSnapshot} from '../../metrics/task-slices.js';
import {t} from '../../i18n/catalogue.js';
import {formatDuration} from '../text/screen-format.js';
import {zoomOf} from './lane-rows.js';
import {type Line, type Seg, firstFitting, fitLine, padStart, seg} from '../text/text.js';
import type {Tone} from '../text/theme.js';
import {timeAxis} from './time-axis.js';

export type TaskRowsInput = {
	readonly tasks: readonly TaskSnapshot[];
	/** The lanes: the task view draws on their time axis (their slices and zoom) and labels a task with its worker. */
	readonly lanes: readonly LaneSnapshot[];
	readonly mode: Mode;
	readonly width: number;
	/** Lines available, the heading included. */
	readonly height: number;
	readonly secondsPerSlice: number | null;
};

/** One glyph per task cell, distinct without colour. */
export const taskGlyph: Readonly<Record<TaskCell, string>> = {run: '█', part: '▌', wait: '░', none: ' '};
const taskTone: Readonly<Record<TaskCell, Tone | undefined>> = {run: 'computing', part: 'computing', wait: 'io', none: undefined};

/** The worker a task ran on, as the lanes label it: main, loop, t3, p1, p0 t2. */
export function workerLabel(mode: Mode, worker: number, lanes: readonly LaneSnapshot[]): string {
	const lane = lanes.find((l) => l.worker === worker);
	const facts = factsOf(mode);
	switch (facts.label) {
		case 'main':
		case 'loop': {
			return facts.label;
		}

		case 'thread': {
			return `t${worker}`;
		}

		case 'process': {
			return `p${lane?.process ?? worker}`;
		}

		case 'tree': {
			return `p${lane?.process ?? 0} t${lane?.thread ?? worker}`;
		}
	}
}

/** A task's bar: its cells drawn as the lanes draw theirs (`zoom` columns a slice, newest at the right edge), runs of one cell merged. */
export function taskBar(cells: readonly TaskCell[], width: number, zoom = 1): Seg[] {
	const shown = cells.slice(-Math.floor(width / zoom));
	const out: Seg[] = shown.length * zoom < width ? [seg(' '.repeat(width - shown.length * zoom))] : [];
	let i = 0;
	while (i < shown.length) {
		const cell = shown[i]!;
		let j = i;
		while (j < shown.length && shown[j] === cell) {
			j++;
		}

		out.push(seg(taskGlyph[cell].repeat((j - i) * zoom), taskTone[cell]));
		i = j;
	}

	return out;
}

/** The task view as lines: a heading with the lanes' time axis, then the most recent tasks that fit, newest at the bottom. */
export function taskRows({tasks, lanes, mode, width, height, secondsPerSlice}: TaskRowsInput): Line[] {
	if (height <= 0) {
		return [];
	}

	const shown = tasks.slice(-Math.max(0, height - 1));
	const labels = shown.map((task) => `#${task.task} ${workerLabel(mode, task.worker, lanes)}`);
	const labelWidth = Math.max(6, ...labels.map((l) => l.length));
	const times = shown.map((task) => (task.end === null ? '…' : formatDuration(task.end - task.start)));
	const timeWidth = Math.max(6, t('took').length, ...times.map((s) => s.length));
	const sliceWidth = Math.max(0, width - labelWidth - 2 - timeWidth);
	const zoom = zoomOf(lanes, sliceWidth);
	const heading: Line = [
		...timeAxis({title: t('tasks'), start: labelWidth + 1, width: sliceWidth, secondsPerSlice: secondsPerSlice === null ? null : secondsPerSlice / zoom}),
		seg(' ' + padStart(t('took'), timeWidth), 'muted'),
	];
	const out: Line[] = [fitLine(heading, width)];
	if (shown.length === 0) {
		out.push([seg(t('no task started yet'), 'muted')]);
		return out.slice(0, height);
	}

	for (const [i, task] of shown.entries()) {
		const row: Seg[] = [
			seg(labels[i]!.padEnd(labelWidth + 1), 'muted'),
			...taskBar(task.cells, sliceWidth, zoom),
			seg(' ' + padStart(times[i]!, timeWidth), 'muted'),
		];
		out.push(fitLine(row, width));
	}

	return out;
}

/** The task view's glyphs, one line. */
export function taskLegendLine(width: number): Line {
	const variant = (words: readonly [string, string, string], gap: string): Line => [
		seg(taskGlyph.run, 'computing'), seg(` ${t(words[0])}`, 'muted'), seg(gap),
		seg(taskGlyph.part, 'computing'), seg(` ${t(words[1])}`, 'muted'), seg(gap),
		seg(taskGlyph.wait, 'io'), seg(` ${t(words[2])}`, 'muted'),
	];
	return firstFitting([
		variant(['on a core', 'on a core part of the slice', 'waiting (I/O, await, GIL)'], '   '),
		variant(['on a core', 'part of it', 'waiting'], '  '),
		variant(['cpu', 'part', 'wait'], ' '),
	], width);
}
