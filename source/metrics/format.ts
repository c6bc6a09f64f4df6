/**
 * Number formats shared by the model's formulas, the reporters and the UI.
 * Pure; no locale lookups (the output is the same on every machine).
 */

/**
 * A duration for people: `0.4ms` below 1 ms, `123ms` below 1 s, `20.0s`
 * below 60 s, then `3m20s`. Non-finite values (unknown) are `?`.
 */
export function formatDuration(ms: number): string {
	if (!Number.isFinite(ms)) {
		return '?';
	}

	if (ms < 0) {
		return `-${formatDuration(-ms)}`;
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

	const seconds = Math.round(ms / 1000);
	return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** A small cost for people: `45µs` below 1 ms, then as formatDuration. */
export function formatCost(ms: number): string {
	if (Number.isFinite(ms) && ms >= 0 && ms < 0.9995) {
		return `${Math.round(ms * 1000)}µs`;
	}

	return formatDuration(ms);
}

/** An integer with thousands separators: `4,000,000`. */
export function formatCount(n: number): string {
	if (!Number.isFinite(n)) {
		return '?';
	}

	const sign = n < 0 ? '-' : '';
	return sign + String(Math.round(Math.abs(n))).replaceAll(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A rate in requests/s: one decimal below 100, whole numbers with separators above. */
export function formatRate(perSecond: number): string {
	if (!Number.isFinite(perSecond)) {
		return '?';
	}

	return perSecond < 100 ? perSecond.toFixed(1) : formatCount(perSecond);
}

/** Round to `digits` decimals (for JSON figures). NaN stays NaN. */
export function round(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
