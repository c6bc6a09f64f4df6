import {isTerminal, type RunInfo, type RunStatus} from '../../metrics/snapshot.js';
import {progress} from '../lines/charts.js';
import {formatClock, formatCount, formatDuration, formatNumber, formatPercent, formatRate} from '../text/screen-format.js';
import {Lines} from '../text/line-text.js';
import {type Line, type Seg, firstFitting, lineWidth, seg, spread} from '../text/text.js';
import {gilOf, paramsOf, statusLook, workOf} from '../lines/run-labels.js';
import {t} from '../../i18n/catalogue.js';

export type HeaderProps = {
	readonly run: RunInfo;
	readonly status: RunStatus;
	readonly elapsedMs: number;
	/** Tasks ended so far (completed + failed + cancelled). */
	readonly done: number;
	readonly etaMs: number | null;
	/** Tasks ending per second now: what the ETA is based on. */
	readonly throughput?: number;
	/** What the model has left of its prediction, ms (null when it makes none). */
	readonly modelLeftMs?: number | null;
	/** e.g. `compare 3/6`, '' outside a comparison. */
	readonly tag: string;
	/** The run ended at a tour scene's bound of this many seconds: its status says so, not `cancelled`. */
	readonly stoppedAtBound?: number | undefined;
	readonly width: number;
	readonly color: boolean;
};

/** What runs, at three levels of detail: everything; without the target; the mode's knobs only. CPU work has no target: it sends no request. */
function facts(run: RunInfo, sep: string, level: 0 | 1 | 2): Seg[] {
	// The embedded server's T as the language writes it (`T=2,5ms` in pt); a URL file by its name.
	const target = Number.isFinite(run.latencyMs) ? `T=${formatNumber(run.latencyMs)}ms` : run.target;
	const all = [workOf(run), `n=${formatCount(run.requested)}`, run.work === 'cpu' ? '' : target, paramsOf(run), t(gilOf(run))];
	const parts = (level === 0 ? all : level === 1 ? [all[0], all[1], all[3], all[4]] : [all[0], all[3], all[4]]).filter(Boolean);
	return parts.flatMap((p, i) => (i === 0 ? [seg(p!)] : [seg(sep, 'muted'), seg(p!)]));
}

/** The ETA is the tasks left at the rate they end now; where that is a tenth off what the model has left, it says so (`at 9.2/s`). */
function etaBasis(etaMs: number | null, modelLeftMs: number | null, throughput: number): string {
	if (etaMs === null || modelLeftMs === null || throughput <= 0 || modelLeftMs <= 0) {
		return '';
	}

	return Math.abs(etaMs - modelLeftMs) > 0.1 * Math.max(etaMs, modelLeftMs) ? ` ${t('at')} ${formatRate(throughput)}/s` : '';
}

function headerLines(props: HeaderProps): Line[] {
	const {run, status, elapsedMs, done, etaMs, throughput = 0, modelLeftMs = null, tag, stoppedAtBound, width} = props;
	const planned = status === 'cancelled' && stoppedAtBound !== undefined;
	const look = planned
		? {text: t('■ stopped after {s} s, as planned').replace('{s}', formatNumber(stoppedAtBound)), tone: 'good' as const}
		: {...statusLook[status], text: t(statusLook[status].text)};
	const right: Seg[] = [
		...(tag ? [seg(tag, 'accent'), seg('  ')] : []),
		seg(look.text, look.tone),
		seg('  '),
		seg(formatClock(elapsedMs), 'title'),
	];
	const badge = seg(` ${run.mode} `, 'badge');
	const left = firstFitting(
		[
			[seg('concviz', 'title'), seg(' '), badge, seg(' '), ...facts(run, ' · ', 0)],
			[badge, seg(' '), ...facts(run, ' · ', 0)],
			[badge, seg(' '), ...facts(run, ' · ', 1)],
			[badge, seg(' '), ...facts(run, ' ', 1)],
			[badge, seg(' '), ...facts(run, ' ', 2)],
		],
		width - lineWidth(right) - 2,
	);
	const first = spread(left, right, width);

	const total = run.requested;
	const fraction = total > 0 ? done / total : 0;
	const finished = isTerminal(status);
	const eta = finished ? '' : `  ${t('ETA')} ${etaMs === null ? '—' : formatDuration(etaMs)}${etaBasis(etaMs, modelLeftMs, throughput)}`;
	const counts = `${formatCount(done)}/${formatCount(total)}  ${formatPercent(fraction)}${eta}`;
	const barWidth = width - counts.length - 1;
	const bar = progress(fraction, barWidth);
	const second: Line =
		barWidth >= 8
			? [seg(bar.done, 'accent'), seg(bar.rest, 'rule'), seg(' '), seg(counts)]
			: [seg(counts)];
	return [first, second];
}

/** Two lines: what runs (mode, workload, n, T, workers, GIL) with status and clock; progress with ETA. */
export function Header(props: HeaderProps) {
	return <Lines lines={headerLines(props)} width={props.width} color={props.color} />;
}
