const ticks = '▁▂▃▄▅▆▇█';
const eighths = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * The last `width` values as a sparkline (▁ lowest … █ highest), scaled to `max`
 * (default: the largest value shown). Shorter than `width` when there are fewer values.
 */
export function sparkline(values: readonly number[], width: number, max?: number): string {
	if (width <= 0) {
		return '';
	}

	const shown = values.slice(-width);
	const top = max ?? Math.max(0, ...shown);
	let out = '';
	for (const v of shown) {
		const level = top > 0 ? Math.round((Math.min(Math.max(v, 0), top) / top) * 7) : 0;
		out += ticks[level];
	}

	return out;
}

/** One character for a level 0..1 (for a strip of many cores). */
export const tick = (fraction: number): string => ticks[Math.round(Math.min(Math.max(fraction, 0), 1) * 7)]!;

/** A horizontal bar with eighth-cell precision, exactly `width` cells (the rest spaces). */
export function bar(fraction: number, width: number): {filled: string; empty: string} {
	if (width <= 0) {
		return {filled: '', empty: ''};
	}

	const units = Math.round(Math.min(Math.max(fraction, 0), 1) * width * 8);
	const full = Math.floor(units / 8);
	const part = eighths[units % 8]!;
	const filled = '█'.repeat(full) + part;
	const used = full + (part ? 1 : 0);
	return {filled, empty: ' '.repeat(width - used)};
}

/** A progress bar exactly `width` cells: heavy line done, light line to go. */
export function progress(fraction: number, width: number): {done: string; rest: string} {
	if (width <= 0) {
		return {done: '', rest: ''};
	}

	const n = Math.round(Math.min(Math.max(fraction, 0), 1) * width);
	return {done: '━'.repeat(n), rest: '─'.repeat(width - n)};
}
