import type {Snapshot} from '../../metrics/snapshot.js';
import {bar, sparkline} from '../lines/charts.js';
import {formatBytes, formatCount, formatDuration, formatLatency, formatRate} from '../text/screen-format.js';
import {perWorkerText} from '../lines/lessons.js';
import {Lines} from '../text/line-text.js';
import {termsOf} from '../lines/model-lines.js';
import {type Line, fitLine, padStart, rule, seg} from '../text/text.js';
import {t as translate} from '../../i18n/catalogue.js';

/** Widths of a bar line's label and value columns. */
const LABEL = 10;
const VALUE = 8;

export type InsightsProps = {
	readonly snapshot: Snapshot;
	readonly width: number;
	/** Lines available; sections that do not fit are left out. */
	readonly height: number;
	readonly color: boolean;
};

/** `label ████████▌     value`, the bar scaled to `top`. */
function barLine(label: string, value: number, top: number, text: string, width: number, strong: boolean): Line {
	const b = bar(top > 0 ? value / top : 0, Math.max(0, width - LABEL - VALUE - 1));
	return [seg(label.padEnd(LABEL), strong ? 'title' : 'muted'), seg(b.filled, strong ? 'good' : 'spark'), seg(b.empty), seg(' '), seg(padStart(text, VALUE))];
}

/** The model's terms and the time measured so far, on one scale. */
function termBars(s: Snapshot, width: number): Line[] {
	const terms = termsOf(s.model);
	if (terms.length === 0) {
		return [];
	}

	// Paused time is not measured time (see model.tsx).
	const measuredMs = Math.max(0, s.elapsedMs - s.pausedMs);
	const top = Math.max(measuredMs, ...terms.map(t => t.term.ms));
	return [
		rule(translate('the model\'s terms'), width, translate('the larger predicts')),
		...terms.map(t => barLine(translate(t.name), t.term.ms, top, formatDuration(t.term.ms), width, t.wins)),
		barLine(translate(s.status === 'done' ? 'measured' : 'so far'), measuredMs, top, formatDuration(measuredMs), width, false),
	];
}

/** Latency percentiles as bars, once something was measured. */
function latencyBars(s: Snapshot, width: number): Line[] {
	const ladder = s.latency.ladder ?? [];
	if (s.latency.count === 0 || ladder.length === 0) {
		return [];
	}

	const top = s.latency.max;
	return [
		rule(translate('latency'), width, translate('{n} measured').replace('{n}', formatCount(s.latency.count))),
		...ladder.map(([p, ms]) => barLine(`p${p}`, ms, top, formatLatency(ms), width, false)),
		barLine('max', top, top, formatLatency(top), width, false),
	];
}

/** Requests per second over the run, as a chart of `rows` rows. */
function throughputChart(s: Snapshot, width: number, rows: number): Line[] {
	const history = s.throughputHistory.slice(-(width - 1));
	if (history.length < 2 || rows < 1) {
		return [];
	}

	const top = Math.max(...history);
	const lines: Line[] = [rule(translate('requests/s'), width, `${translate('peak')} ${formatRate(top)}/s`)];
	for (let r = rows - 1; r >= 0; r--) {
		// Each row shows the part of every value between its floor and ceiling.
		const row = history.map(v => {
			const level = top > 0 ? (v / top) * rows - r : 0;
			return level >= 1 ? '█' : level <= 0 ? ' ' : sparkline([level], 1, 1);
		});
		lines.push([seg(row.join(''), 'spark')]);
	}

	return lines;
}

/** One worker's measured cost beside the pool's and the client's memory. */
function startupLines(s: Snapshot, width: number): Line[] {
	if (!s.startup || s.startupMs === null) {
		return [];
	}

	return [
		rule(translate('start-up'), width, translate(s.startup.workers === 1 ? `{n} ${s.startup.kind}` : s.startup.kind === 'thread' ? '{n} threads' : '{n} processes').replace('{n}', formatCount(s.startup.workers))),
		[seg(translate('pool').padEnd(LABEL), 'muted'), seg(formatDuration(s.startupMs)), seg(`   ${translate('one worker')} `, 'muted'), seg(perWorkerText(s.startup)), seg(`   ${translate('peak rss')} `, 'muted'), seg(formatBytes(s.peakRssBytes))],
	];
}

/** What helps read the run when the wide layout has rows to spare: the terms as bars, latency percentiles, start-up, requests/s over time. */
export function insightsLines({snapshot: s, width, height}: Omit<InsightsProps, 'color'>): Line[] {
	const sections = [termBars(s, width), latencyBars(s, width), startupLines(s, width)].filter(lines => lines.length > 0);
	const out: Line[] = [];
	for (const section of sections) {
		if (out.length + section.length + (out.length > 0 ? 1 : 0) > height) {
			break;
		}

		out.push(...(out.length > 0 ? [[]] : []), ...section);
	}

	const room = height - out.length - (out.length > 0 ? 1 : 0) - 1;
	if (room >= 3) {
		out.push(...(out.length > 0 ? [[]] : []), ...throughputChart(s, width, Math.min(8, room)));
	}

	return out.slice(0, height).map(line => fitLine(line, width));
}

export function Insights(props: InsightsProps) {
	return <Lines lines={insightsLines(props)} width={props.width} color={props.color} />;
}
