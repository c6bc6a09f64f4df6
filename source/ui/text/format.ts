import {
	formatBytes,
	formatClock,
	formatCompactCount,
	formatCount,
	formatDecimal,
	formatDuration,
	formatLatency,
	formatNumber,
	formatPercent,
	formatRate,
	localiseFigures,
} from '../../i18n/format.js';
import {currentLang, tFormula} from '../../i18n/catalogue.js';
import type {Lang} from '../../i18n/lang.js';

/*
 * The UI's names for the one formatter (metrics/format.ts): the same figure
 * prints the same on screen, in the summary and in the formulas. Each writes
 * its figure in the language the screen's words are in (the one --lang or the
 * locale chose, as t() reads it), or in the language given (the tour's).
 */

export const bytes = (n: number, lang: Lang = currentLang()): string => formatBytes(n, lang);
export const clock = (ms: number, lang: Lang = currentLang()): string => formatClock(ms, lang);
export const compactCount = (n: number, lang: Lang = currentLang()): string => formatCompactCount(n, lang);
export const count = (n: number, lang: Lang = currentLang()): string => formatCount(n, lang);
export const decimal = (n: number, digits: number, lang: Lang = currentLang()): string => formatDecimal(n, digits, lang);
export const duration = (ms: number, lang: Lang = currentLang()): string => formatDuration(ms, lang);
export const latency = (ms: number | null, lang: Lang = currentLang()): string => formatLatency(ms, lang);
export const number = (n: number, lang: Lang = currentLang()): string => formatNumber(n, lang);
export const percent = (fraction: number | null, lang: Lang = currentLang()): string => formatPercent(fraction, lang);
export const rate = (perSecond: number, lang: Lang = currentLang()): string => formatRate(perSecond, lang);

/** A text whose figures metrics/ wrote in English (a note's values), in the screen's language. */
export const figures = (text: string, lang: Lang = currentLang()): string => localiseFigures(text, lang);

/** A model formula in the screen's language: its word for cores, and its figures (`4.000·0,4ms` in pt). */
export const formula = (text: string): string => figures(tFormula(text));
