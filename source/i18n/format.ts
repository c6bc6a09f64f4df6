/**
 * The one formatter of every figure concviz prints: on screen, in the plain
 * summary, in the model's formulas (and the rounding of JSON figures). Pure.
 * Every function takes the language its reader speaks: `en` groups and
 * points as en-US does (`4,000`, `0.07`), `pt` as pt-BR does (`4.000`,
 * `0,07`), through Intl.NumberFormat with a fixed locale, so the output is
 * the same on every machine. The rounding is one rule in every language; Intl
 * only writes the digits. The UI reads these under its short names
 * (ui/format.ts), in the language chosen.
 */

/** The languages figures are written in (i18n's Lang; metrics/ imports nothing of i18n/). */
export type NumberLang = 'en' | 'pt';

const LOCALES: Readonly<Record<NumberLang, string>> = {en: 'en-US', pt: 'pt-BR'};

/** What an unknown figure (NaN, ∞, a negative duration) prints as. */
export const UNKNOWN = '—';

/** A template's `{name}` placeholders filled in (an unknown one is left as it is). */
export const fillIn = (template: string, params: Readonly<Record<string, string>> = {}): string =>
	template.replaceAll(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

const formatters = new Map<string, Intl.NumberFormat>();

/** The language's Intl formatter: `digits` decimals exactly, or (null) as many as the number has. */
function formatter(lang: NumberLang, digits: number | null): Intl.NumberFormat {
	const key = `${lang} ${digits}`;
	let format = formatters.get(key);
	if (!format) {
		const fraction = digits === null ? {maximumFractionDigits: 6} : {minimumFractionDigits: digits, maximumFractionDigits: digits};
		format = new Intl.NumberFormat(LOCALES[lang], {...fraction, signDisplay: 'negative'});
		formatters.set(key, format);
	}

	return format;
}

/** Rounded to `digits` decimals as toFixed rounds, an integer half away from zero. */
const rounded = (n: number, digits: number): number => (digits > 0 ? Number(n.toFixed(digits)) : Math.sign(n) * Math.round(Math.abs(n)));

/** A number with `digits` decimals, grouped: `4,000`, `0.07`, `-1,234.5` (pt: `4.000`, `0,07`, `-1.234,5`). */
export function formatDecimal(n: number, digits: number, lang: NumberLang = 'en'): string {
	return Number.isFinite(n) ? formatter(lang, digits).format(rounded(n, digits)) : UNKNOWN;
}

/** A number as it is, grouped, with the decimals it has (up to 6): `100`, `2.5`, `1,000`. */
export function formatNumber(n: number, lang: NumberLang = 'en'): string {
	return Number.isFinite(n) ? formatter(lang, null).format(n) : UNKNOWN;
}

/** An integer with thousands separators: `4,000,000` (pt: `4.000.000`). */
export const formatCount = (n: number, lang: NumberLang = 'en'): string => formatDecimal(n, 0, lang);

/** A count as the talk says it: `4`, `4k`, `400k`, `4M`, `1.5k`. */
export function formatCompactCount(n: number, lang: NumberLang = 'en'): string {
	if (!Number.isFinite(n)) {
		return UNKNOWN;
	}

	const [value, unit] = Math.abs(n) >= 1e6 ? [n / 1e6, 'M'] : Math.abs(n) >= 1000 ? [n / 1000, 'k'] : [n, ''];
	return `${formatNumber(rounded(value, 1), lang)}${unit}`;
}

/** A duration for people: `0.4ms`, `850ms`, `6.2s`, `42.1s`, `3m04s`, `1h02m`, `13h53m`. */
export function formatDuration(ms: number, lang: NumberLang = 'en'): string {
	if (!Number.isFinite(ms) || ms < 0) {
		return UNKNOWN;
	}

	if (ms > 0 && ms < 0.95) {
		return `${formatDecimal(ms, 1, lang)}ms`;
	}

	if (Math.round(ms) < 1000) {
		return `${Math.round(ms)}ms`;
	}

	const tenths = Math.round(ms / 100);
	if (tenths < 600) {
		return `${formatDecimal(tenths / 10, 1, lang)}s`;
	}

	const total = Math.round(ms / 1000);
	if (total < 3600) {
		return `${Math.floor(total / 60)}m${String(total % 60).padStart(2, '0')}s`;
	}

	const minutes = Math.round(total / 60);
	return `${formatCount(Math.floor(minutes / 60), lang)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** A small cost for people: `45µs` below 1 ms, then as formatDuration. */
export function formatCost(ms: number, lang: NumberLang = 'en'): string {
	if (Number.isFinite(ms) && ms >= 0 && ms < 0.9995) {
		return `${Math.round(ms * 1000)}µs`;
	}

	return formatDuration(ms, lang);
}

/**
 * The run's clock: `0.0s` before it starts, then its time as formatDuration
 * writes it (`135ms`, `6.2s`, `3m04s`), so it reads as the measured time beside it.
 */
export const formatClock = (ms: number, lang: NumberLang = 'en'): string =>
	(ms > 0 ? formatDuration(ms, lang) : `${formatDecimal(0, 1, lang)}s`);

/** A latency, one decimal below 10 ms: `2.4ms`, `101ms`, `1.3s`; null (nothing measured) is unknown. */
export function formatLatency(ms: number | null, lang: NumberLang = 'en'): string {
	if (ms === null || !Number.isFinite(ms) || ms < 0) {
		return UNKNOWN;
	}

	return ms < 10 ? `${formatDecimal(ms, 1, lang)}ms` : formatDuration(ms, lang);
}

/** Requests per second, one decimal below 10: `3.9`, `412`, `7,012`. */
export const formatRate = (perSecond: number, lang: NumberLang = 'en'): string =>
	formatDecimal(perSecond, perSecond < 10 ? 1 : 0, lang);

/** 0..1 → `83%`. */
export const formatPercent = (fraction: number | null, lang: NumberLang = 'en'): string =>
	(fraction !== null && Number.isFinite(fraction) ? `${formatCount(fraction * 100, lang)}%` : UNKNOWN);

/** Bytes → `512 KB`, `123 MB`, `1.2 GB`. */
export function formatBytes(n: number, lang: NumberLang = 'en'): string {
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

	return `${formatDecimal(value, value < 10 && unit > 0 ? 1 : 0, lang)} ${units[unit]}`;
}

const SEPARATORS = new Map<NumberLang, {readonly group: string; readonly decimal: string}>();

/** The language's grouping and decimal marks, as Intl writes them. */
function separatorsOf(lang: NumberLang): {readonly group: string; readonly decimal: string} {
	let marks = SEPARATORS.get(lang);
	if (!marks) {
		const parts = formatter(lang, 1).formatToParts(1234.5);
		marks = {group: parts.find((p) => p.type === 'group')!.value, decimal: parts.find((p) => p.type === 'decimal')!.value};
		SEPARATORS.set(lang, marks);
	}

	return marks;
}

/** A run of digits and marks standing alone (not part of a word like `p50`). */
const FIGURE_RUN = /(?<![\w.,])\d[\d.,]*\d/g;
/** A figure as this formatter writes it in English: `4,000`, `4,000.5`, `0.07`, `20.0`. */
const ENGLISH_FIGURE = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * A text whose figures this formatter wrote in English (a model formula like
 * `4,000·0.4ms/2`, a note's values), with them written in the language:
 * pt `4.000·0,4ms/2`. What is not a figure of that shape (`127.0.0.1`, `p50`) stays as it is.
 */
export function localiseFigures(text: string, lang: NumberLang): string {
	if (lang === 'en') {
		return text;
	}

	const {group, decimal} = separatorsOf(lang);
	return text.replaceAll(FIGURE_RUN, (run) => (ENGLISH_FIGURE.test(run) ? run.replaceAll(/[,.]/g, (mark) => (mark === ',' ? group : decimal)) : run));
}

/** Round to `digits` decimals (for JSON figures). NaN stays NaN. */
export function round(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
