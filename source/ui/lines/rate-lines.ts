import type {Latency, RateSnapshot, Snapshot} from '../../metrics/snapshot.js';
import {formatCount, formatLatency, formatRate} from '../text/screen-format.js';
import {type Line, type Seg, firstFitting, seg} from '../text/text.js';
import {t} from '../../i18n/catalogue.js';

const LABELS = ['latency', 'failed', 'in flight', 'throughput', 'start-up', 'schedule', 'backlog', 'service'];
/** A row's label in the requests panel in the current language, every label as wide as the longest (11 cells in English). */
export const statLabel = (text: string): Seg => seg(t(text).padEnd(Math.max(11, ...LABELS.map((l) => t(l).length + 1))), 'muted');
const label = statLabel;

/** `latency    p50 4.2s  p90 8.1s  p99 9.0s` for either histogram, shortened to fit. */
function percentileLine(name: string, l: Latency, answered: boolean, width: number): Line {
	if (!answered) {
		return [label(name), seg('—', 'muted')];
	}

	const q = (key: string, ms: number, gap = '  '): Seg[] => [seg(gap), seg(`${key} `, 'muted'), seg(formatLatency(ms))];
	const base = [label(name), ...q('p50', l.p50, ''), ...q('p90', l.p90), ...q('p99', l.p99)];
	return firstFitting([[...base, ...q('max', l.max)], base, [label(name), ...q('p50', l.p50, ''), ...q('p99', l.p99)]], width);
}

/**
 * The open model's lines (--rate) in the requests panel: the schedule
 * against what was sent, late starts, the backlog, latency from the
 * intended start and service time from the actual send, one above the other.
 */
export function rateLines(s: Snapshot, r: RateSnapshot, width: number): Line[] {
	const behind = r.achieved < r.target * 0.95 && s.started > 1;
	const schedule = firstFitting(
		[
			[label('schedule'), seg(`${formatRate(r.target)}/s`, 'title'), seg(`  ${t('sent')} `, 'muted'), seg(`${formatRate(r.achieved)}/s`, behind ? 'warn' : undefined), seg(`  ${t('late')} `, 'muted'), seg(formatCount(r.late), r.late > 0 ? 'warn' : undefined)],
			[label('schedule'), seg(`${formatRate(r.target)}/s`, 'title'), seg(` ${t('sent')} `, 'muted'), seg(`${formatRate(r.achieved)}/s`, behind ? 'warn' : undefined)],
		],
		width,
	);
	const backlog = firstFitting(
		[
			[label('backlog'), seg(formatCount(r.backlog), r.backlog > 0 ? 'warn' : 'title'), seg(` ${t('due, not sent yet')}`, 'muted')],
			[label('backlog'), seg(formatCount(r.backlog), r.backlog > 0 ? 'warn' : 'title')],
		],
		width,
	);
	// A histogram with nothing in it is unknown (`—`), never 0.0ms.
	return [
		schedule,
		backlog,
		percentileLine('latency', s.latency, s.latency.count > 0, width),
		percentileLine('service', r.service, r.service.count > 0, width),
	];
}
