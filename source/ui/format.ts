const counts = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});

/** 4000000 → `4,000,000`. */
export const count = (n: number): string => counts.format(Math.round(n));

/** A duration for people: `850ms`, `6.2s`, `42.1s`, `3m04s`, `1h02m`. */
export function duration(ms: number): string {
	if (!Number.isFinite(ms) || ms < 0) {
		return '—';
	}

	if (ms < 1000) {
		return `${Math.round(ms)}ms`;
	}

	const s = ms / 1000;
	if (s < 59.95) {
		return `${s.toFixed(1)}s`;
	}

	const total = Math.round(s);
	if (total < 3600) {
		return `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s`;
	}

	const minutes = Math.round(total / 60);
	return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** The run's clock: `0.0s`, `6.2s`, `3m04s`. */
export const clock = (ms: number): string => (ms < 1000 ? `${(Math.max(0, ms) / 1000).toFixed(1)}s` : duration(ms));

/** A latency: `2.4ms`, `101ms`, `1.3s`. */
export function latency(ms: number): string {
	if (!Number.isFinite(ms) || ms < 0) {
		return '—';
	}

	return ms < 10 ? `${ms.toFixed(1)}ms` : duration(ms);
}

/** Requests per second: `3.9`, `412`, `7,012`. */
export const rate = (perSecond: number): string => (perSecond < 10 ? perSecond.toFixed(1) : count(perSecond));

/** 0..1 → `83%`. */
export const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;

/** Bytes → `512 KB`, `123 MB`, `1.2 GB`. */
export function bytes(n: number): string {
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let value = n;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1024;
		unit++;
	}

	return `${value < 10 && unit > 0 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
