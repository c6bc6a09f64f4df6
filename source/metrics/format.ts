/**
 * The one formatter of every figure concviz prints: on screen, in the plain
 * summary, in the model's formulas (and the rounding of JSON figures). Pure;
 * no locale lookups, so the output is the same on every machine. The UI reads
 * these under its short names (ui/format.ts).
 */

/** What an unknown figure (NaN, ∞, a negative duration) prints as. */
export const UNKNOWN = '—';

/** A template's `{name}` placeholders filled in (an unknown one is left as it is). */
export const fillIn = (template: string, params: Readonly<Record<string, string>> = {}): string =>
	template.replaceAll(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

/** An integer with thousands separators: `4,000,000`. */
export function formatCount(n: number): string {
	if (!Number.isFinite(n)) {
		return UNKNOWN;
	}

	const sign = n < 0 ? '-' : '';
	return sign + String(Math.round(Math.abs(n))).replaceAll(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count as the talk says it: `4`, `4k`, `400k`, `4M`, `1.5k`. */
export function formatCompactCount(n: number): string {
	if (!Number.isFinite(n)) {
		return UNKNOWN;
	}

	const [value, unit] = Math.abs(n) >= 1e6 ? [n / 1e6, 'M'] : Math.abs(n) >= 1000 ? [n / 1000, 'k'] : [n, ''];
	return `${Number(value.toFixed(1))}${unit}`;
}

/** A duration for people: `0.4ms`, `850ms`, `6.2s`, `42.1s`, `3m04s`, `1h02m`. */
export function formatDuration(ms: number): string {
	if (!Number.isFinite(ms) || ms < 0) {
		return UNKNOWN;
	}

	if (ms > 0 && ms < 0.95) {
		return `${ms.toFixed(1)}ms`;
	}

	if (Math.round(ms) < 1000) {
		return `${Math.round(ms)}ms`;
	}

	const tenths = Math.round(ms / 100);
	if (tenths < 600) {
		return `${(tenths / 10).toFixed(1)}s`;
	}

	const total = Math.round(ms / 1000);
	if (total < 3600) {
		return `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s`;
	}

	const minutes = Math.round(total / 60);
	return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** A small cost for people: `45µs` below 1 ms, then as formatDuration. */
export function formatCost(ms: number): string {
	if (Number.isFinite(ms) && ms >= 0 && ms < 0.9995) {
		return `${Math.round(ms * 1000)}µs`;
	}

	return formatDuration(ms);
}

/** The run's clock: `0.0s`, `6.2s`, `3m04s`. */
export const formatClock = (ms: number): string => (ms < 1000 ? `${(Math.max(0, ms) / 1000).toFixed(1)}s` : formatDuration(ms));

/** A latency, one decimal below 10 ms: `2.4ms`, `101ms`, `1.3s`; null (nothing measured) is unknown. */
export function formatLatency(ms: number | null): string {
	if (ms === null || !Number.isFinite(ms) || ms < 0) {
		return UNKNOWN;
	}

	return ms < 10 ? `${ms.toFixed(1)}ms` : formatDuration(ms);
}

/** Requests per second, one decimal below 10: `3.9`, `412`, `7,012`. */
export function formatRate(perSecond: number): string {
	if (!Number.isFinite(perSecond)) {
		return UNKNOWN;
	}

	return perSecond < 10 ? perSecond.toFixed(1) : formatCount(perSecond);
}

/** 0..1 → `83%`. */
export const formatPercent = (fraction: number | null): string =>
	(fraction !== null && Number.isFinite(fraction) ? `${Math.round(fraction * 100)}%` : UNKNOWN);

/** Bytes → `512 KB`, `123 MB`, `1.2 GB`. */
export function formatBytes(n: number): string {
	if (!Number.isFinite(n) || n < 0) {
		return UNKNOWN;
	}

	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let value = n;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	return `${value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** Round to `digits` decimals (for JSON figures). NaN stays NaN. */
export function round(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
