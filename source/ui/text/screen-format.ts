import * as figures from '../../i18n/format.js';
import {currentLang, tFormula} from '../../i18n/catalogue.js';
import type {Lang} from '../../i18n/lang.js';

/*
 * The one formatter (i18n/format.ts) under its own names, each writing its
 * figure in the language the screen's words are in (the one --lang or the
 * locale chose, as t() reads it) unless given one (the tour's): the same
 * figure prints the same on screen, in the summary and in the formulas.
 */

export const formatBytes = (n: number, lang: Lang = currentLang()): string => figures.formatBytes(n, lang);
export const formatClock = (ms: number, lang: Lang = currentLang()): string => figures.formatClock(ms, lang);
export const formatCompactCount = (n: number, lang: Lang = currentLang()): string => figures.formatCompactCount(n, lang);
export const formatCount = (n: number, lang: Lang = currentLang()): string => figures.formatCount(n, lang);
export const formatDecimal = (n: number, digits: number, lang: Lang = currentLang()): string => figures.formatDecimal(n, digits, lang);
export const formatDuration = (ms: number, lang: Lang = currentLang()): string => figures.formatDuration(ms, lang);
export const formatLatency = (ms: number | null, lang: Lang = currentLang()): string => figures.formatLatency(ms, lang);
export const formatNumber = (n: number, lang: Lang = currentLang()): string => figures.formatNumber(n, lang);
export const formatPercent = (fraction: number | null, lang: Lang = currentLang()): string => figures.formatPercent(fraction, lang);
export const formatRate = (perSecond: number, lang: Lang = currentLang()): string => figures.formatRate(perSecond, lang);

/** A text whose figures metrics/ wrote in English (a note's values), in the screen's language. */
export const localiseFigures = (text: string, lang: Lang = currentLang()): string => figures.localiseFigures(text, lang);

/** A model formula in the screen's language: its word for cores, and its figures (`4.000·0,4ms` in pt). */
export const localiseFormula = (text: string): string => localiseFigures(tFormula(text));
