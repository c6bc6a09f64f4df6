import type {CompareView} from '../../view/contract.js';
import type {RunResult} from '../../metrics/snapshot.js';
import {bar} from '../lines/charts.js';
import {formatCount, formatDecimal, formatDuration, formatPercent, formatRate} from '../text/screen-format.js';
import {Lines} from '../text/line-text.js';
import {type Line, type Seg, fitLine, padEnd, padStart, rule, seg} from '../text/text.js';
import {t} from '../../i18n/catalogue.js';

export type LeaderboardProps = {
	readonly compare: CompareView;
	readonly width: number;
	/** Lines available, the heading included. */
	readonly height: number;
	readonly color: boolean;
};

/** How far the run's active time (wall less paused, as the model line measures it) is from the prediction. */
const signed = (measured: number, predicted: number): string => {
	if (predicted <= 0) {
		return '—';
	}

	const d = Math.round(((measured - predicted) / predicted) * 100);
	return `${d < 0 ? '−' : '+'}${Math.abs(d)}%`;
};

/** `×3.9`, `×191`: how many times faster than sequential (`≈×93` when either time is the model's). */
const speedup = (x: number, approximate: boolean): string => `${approximate ? '≈' : ''}×${formatDecimal(x, x < 10 ? 1 : 0)}`;

/**
 * The time a comparison ranks a run by: its active time (wall less paused, as the header's clock)
 * when it ended every task; for a run stopped before its end (a tour scene's bound), the model's
 * time for all n, marked as extrapolated.
 */
export function rankTime(result: RunResult): {readonly ms: number; readonly extrapolated: boolean} {
	const extrapolated = result.completed + result.failed < result.requested;
	return {ms: extrapolated ? result.predictedMs : result.wallMs - result.pausedMs, extrapolated};
}

function leaderboardLines({compare, width, height}: Omit<LeaderboardProps, 'color'>): Line[] {
	const {modes, results, running} = compare;
	const times = results.map((r) => rankTime(r));
	const walls = times.map((time) => time.ms);
	const longest = Math.max(1, ...walls);
	const fastest = walls.length > 0 ? walls.indexOf(Math.min(...walls)) : -1;
	const base = times[results.findIndex((r) => r.mode === 'sequential')];
	const labels = results.map((r, i) => {
		const {ms, extrapolated} = times[i]!;
		const up = base && r.mode !== 'sequential' && ms > 0 ? ` ${speedup(base.ms / ms, extrapolated || base.extrapolated)}` : '';
		return (extrapolated ? '≈' : '') + formatDuration(ms) + up;
	});
	const labelWidth = Math.max(5, ...labels.map((l) => l.length));
	const wide = width - 20 - 9 - 6 - 8 - 7 >= 24;
	const rightOf = (rps: string, cpu: string, model: string, vs: string): string =>
		padStart(rps, 9) + (wide ? padStart(cpu, 6) + padStart(model, 8) + padStart(vs, 7) : '');
	const rightWidth = rightOf('', '', '', '').length;
	const area = Math.max(labelWidth + 2, width - 20 - rightWidth);

	const done = results.length;
	const progress = (running ? t('{done} of {n} done').replace('{done}', formatCount(done)) : t('all {n} done')).replace('{n}', formatCount(modes.length));
	const status = times.some((time) => time.extrapolated) ? `${t('≈ extrapolated by the model')} · ${progress}` : progress;
	const heading: Line = [
		seg('  ' + padEnd(t('mode'), 18), 'muted'),
		seg(padEnd(t('wall time, one scale'), area), 'muted'),
		seg(rightOf('req/s', t('cpu'), t('model'), t('diff')), 'muted'),
	];
	const rows: Line[] = modes.map((mode, i) => {
		const result = results[i];
		const here = mode === running;
		const marker: Seg = here ? seg('▸', 'accent') : i === fastest ? seg('★', 'good') : seg(' ');
		const name = seg(padEnd(mode, 18), here ? 'accent' : 'title');
		if (!result) {
			const text = here ? t('running…') : '·';
			return [marker, seg(' '), name, seg(text, here ? 'accent' : 'muted')];
		}

		const b = bar(walls[i]! / longest, area - labelWidth - 1);
		const label = labels[i]!;
		const cpu = result.cpu.utilisation;
		return [
			marker,
			seg(' '),
			name,
			seg(b.filled, i === fastest ? 'good' : 'accent'),
			seg(' '),
			seg(label, 'title'),
			seg(' '.repeat(Math.max(0, area - b.filled.length - 1 - label.length))),
			seg(rightOf(formatRate(result.requestsPerSecond), formatPercent(cpu), formatDuration(result.predictedMs), times[i]!.extrapolated ? '—' : signed(result.wallMs - result.pausedMs, result.predictedMs))),
		];
	});
	return [rule(t('compare'), width, status), heading, ...rows].slice(0, Math.max(0, height)).map((line) => fitLine(line, width));
}

/** The compare view: wall time per mode on one shared scale (≈ the model's, for a run stopped early), requests/s, mean CPU, predicted vs measured. */
export function Leaderboard(props: LeaderboardProps) {
	return <Lines lines={leaderboardLines(props)} width={props.width} color={props.color} />;
}
