import type {Snapshot} from '../../metrics/snapshot.js';
import {sparkline} from '../lines/charts.js';
import {formatBytes, formatCount, formatDuration, formatLatency, formatRate} from '../text/screen-format.js';
import {perWorkerText} from '../lines/lessons.js';
import {Lines} from '../text/line-text.js';
import {rateLines, statLabel as label} from '../lines/rate-lines.js';
import {type Line, type Seg, firstFitting, fitLine, lineWidth, rule, seg} from '../text/text.js';
import {t} from '../../i18n/catalogue.js';

export type StatsProps = {
	readonly snapshot: Snapshot;
	readonly width: number;
	/** Lines available, the heading included. */
	readonly height: number;
	readonly color: boolean;
};


function latencyLine(s: Snapshot, width: number): Line {
	// No answer timed yet (none came, or only failures before a response): unknown, as the JSON's null.
	if (s.latency.count === 0) {
		return [label('latency'), seg('—', 'muted')];
	}

	const {p50, p90, p99, max} = s.latency;
	const q = (name: string, ms: number, gap = '  '): Seg[] => [seg(gap), seg(`${name} `, 'muted'), seg(formatLatency(ms))];
	const base = [label('latency'), ...q('p50', p50, ''), ...q('p90', p90), ...q('p99', p99)];
	const ms = (v: number): string => formatCount(v);
	return firstFitting(
		[
			[...base, ...q('max', max)],
			base,
			[label('latency'), seg('p50 ', 'muted'), seg(ms(p50)), seg('  p90 ', 'muted'), seg(ms(p90)), seg('  p99 ', 'muted'), seg(ms(p99)), seg(' ms', 'muted')],
			[label('latency'), seg(`${ms(p50)}/${ms(p90)}/${ms(p99)}`), seg(' ms p50/90/99', 'muted')],
			[label('latency'), seg(`${ms(p50)}/${ms(p90)}/${ms(p99)}`), seg(' ms', 'muted')],
		],
		width,
	);
}

function failedLine(s: Snapshot, width: number): Line {
	const head: Seg[] = [label('failed'), seg(formatCount(s.failed), s.failed > 0 ? 'bad' : 'muted')];
	const out: Seg[] = [...head];
	for (const [reason, n] of s.failures) {
		// A reason too long for the room left loses its bracketed code, then (the first one only) its tail.
		const room = width - lineWidth(out) - 2;
		const tally = ` ×${formatCount(n)}`;
		const short = reason.replace(/ \([^)]*\)$/, '');
		const text = [reason, short].map(words => `${words}${tally}`).find(candidate => candidate.length <= room)
			?? (out.length === head.length && room >= tally.length + 4 ? `${short.slice(0, room - tally.length - 1)}…${tally}` : undefined);
		if (text === undefined) {
			break;
		}

		out.push(seg('  '), seg(text, 'muted'));
	}

	return out;
}

/** The requests panel as lines: in flight, throughput with history, latency percentiles, failures, start-up. */
export function statsLines({snapshot: s, width, height}: Omit<StatsProps, 'color'>): Line[] {
	const flight: Line = [label('in flight'), seg(formatCount(s.inFlight), 'title'), seg(`  ${t('peak')} `, 'muted'), seg(formatCount(s.maxInFlight))];
	const now = `${formatRate(s.throughput)}/s`;
	const throughputHead: Seg[] = [label('throughput'), seg(now, 'title')];
	const sparkWidth = Math.min(s.throughputHistory.length, width - lineWidth(throughputHead) - 1);
	const throughput: Line = [
		...throughputHead,
		...(sparkWidth > 0 ? [seg(' '), seg(sparkline(s.throughputHistory, sparkWidth), 'spark')] : []),
	];
	const pool = [label('start-up'), seg(s.startupMs === null ? '…' : formatDuration(s.startupMs))];
	const each = s.startup ? [seg('  '), seg(perWorkerText(s.startup), 'muted')] : [];
	const peak = [seg(`  ${t('peak rss')} `, 'muted'), seg(formatBytes(s.peakRssBytes))];
	const startup: Line = firstFitting([[...pool, ...each, ...peak], [...pool, ...each], [...pool, ...peak], pool], width);
	if (s.rate) {
		// The open model: the schedule and both latencies first (see rate-lines.ts).
		const head = rule(t('requests'), width, `${t('mean')} ${formatRate(s.meanThroughput)}/s`);
		return [head, ...rateLines(s, s.rate, width), flight, failedLine(s, width), startup].slice(0, Math.max(0, height)).map((line) => fitLine(line, width));
	}

	const lines: Line[] = [
		rule(t('requests'), width, `${t('mean')} ${formatRate(s.meanThroughput)}/s`),
		flight,
		throughput,
		latencyLine(s, width),
		failedLine(s, width),
		startup,
	];
	return lines.slice(0, Math.max(0, height)).map((line) => fitLine(line, width));
}

/** In flight now and peak, throughput now with a sparkline, latency p50/p90/p99, failures by reason, pool start-up. */
export function Stats(props: StatsProps) {
	return <Lines lines={statsLines(props)} width={props.width} color={props.color} />;
}
