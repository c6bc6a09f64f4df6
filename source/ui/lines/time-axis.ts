import {t} from '../../i18n/catalogue.js';
import {formatNumber} from '../text/screen-format.js';
import {type Seg, seg} from '../text/text.js';

export type TimeAxisInput = {
	/** Panel title at the left (`lanes`). */
	readonly title: string;
	/** Column where the slices start. */
	readonly start: number;
	/** Columns of slices; the last one is `now`. */
	readonly width: number;
	/** Seconds one column stands for. */
	readonly secondsPerSlice: number | null;
};

/** Tick spacings, seconds: under a second for a zoomed short run (see zoomOf in lane-rows.ts). */
const steps = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600];

function ago(seconds: number): string {
	if (seconds < 1) {
		return `-${Math.round(seconds * 1000)}ms`;
	}

	if (seconds < 60) {
		return `-${formatNumber(seconds)}s`;
	}

	const m = Math.floor(seconds / 60);
	const s = seconds % 60;
	return s === 0 ? `-${m}m` : `-${m}m${s}s`;
}

/**
 * The heading over the lanes, `start + width` cells: the title, then a rule with ticks
 * back in time (`-4s`, `-2s`) ending in `now` over the newest slice.
 */
export function timeAxis({title, start, width, secondsPerSlice}: TimeAxisInput): Seg[] {
	const total = start + width;
	const chars = [...`${title} `.padEnd(total).slice(0, total)];
	const titleEnd = title.length + 1;
	const place = (text: string, end: number): boolean => {
		const from = end - text.length + 1;
		if (from - 2 < titleEnd || end >= total) {
			return false;
		}

		const free = chars.slice(from - 1, end + 2).every((c) => c === '─' || c === ' ' || c === undefined);
		if (!free) {
			return false;
		}

		chars.splice(from - 1, text.length + 2, ' ', ...text, ...(end + 1 < total ? [' '] : []));
		return true;
	};

	for (let i = titleEnd; i < total; i++) {
		chars[i] = '─';
	}

	if (!secondsPerSlice || width < 12) {
		place(t('time →'), total - 1);
	} else {
		place(t('now'), total - 1);
		const step = steps.find((s) => s / secondsPerSlice >= 15) ?? steps.at(-1)!;
		const columns = step / secondsPerSlice;
		for (let k = 1; total - 1 - k * columns >= start; k++) {
			const end = Math.round(total - 1 - k * columns);
			// step · k in whole ms: 0.1 · 3 is 0.30000000000000004 in floating point.
			place(ago(Math.round(step * k * 1000) / 1000), end);
		}
	}

	const text = chars.slice(0, total).join('');
	const out: Seg[] = [seg(text.slice(0, titleEnd), 'title')];
	let rest = text.slice(titleEnd);
	while (rest) {
		const m = /^(─+|[^─]+)/.exec(rest)![0];
		out.push(seg(m, m.startsWith('─') ? 'rule' : 'muted'));
		rest = rest.slice(m.length);
	}

	return out;
}
