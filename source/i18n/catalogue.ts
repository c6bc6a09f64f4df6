import type {Lang, Localised} from './lang.js';
import {PT} from './pt.js';

let current: Lang = 'en';

/** Set once by the frontend, before the first frame (from --lang or the locale). */
export function setLang(lang: Lang): void {
	current = lang;
}

export const currentLang = (): Lang => current;

/**
 * The on-screen string in the current language. The catalogue is keyed by the
 * English text itself (as gettext is), so a string the catalogue does not know
 * yet is shown in English rather than not at all.
 */
export function t(english: string): string {
	return tIn(current, english);
}

/** The same in a language given (for text that is handed its language, like the tour's). */
export function tIn(lang: Lang, english: string): string {
	return lang === 'en' ? english : PT[english] ?? english;
}

const TEMPLATE = /\{(\w+)\}/g;
const escapeRegExp = (text: string): string => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
let templates: {readonly match: RegExp; readonly names: readonly string[]; readonly english: string}[] | undefined;

/**
 * A text whose figures are already filled in (a notice like `the run could not
 * complete: spawn ENOMEM`), in the current language: the catalogue's templates
 * (`the run could not complete: {why}`) are matched against it and the
 * translation is filled in with the same values. Unknown text stays English.
 */
export function tFilled(text: string): string {
	if (current === 'en' || text === '') {
		return text;
	}

	const whole = PT[text];
	if (whole !== undefined) {
		return whole;
	}

	templates ??= Object.keys(PT).filter((key) => /\{\w+\}/.test(key)).map((english) => ({
		english,
		names: [...english.matchAll(TEMPLATE)].map((m) => m[1]!),
		match: new RegExp(`^${escapeRegExp(english).replaceAll(/\\\{\w+\\\}/g, '(.+?)')}$`, 's'),
	}));
	for (const {english, names, match} of templates) {
		const found = match.exec(text);
		if (found) {
			return PT[english]!.replaceAll(TEMPLATE, (all, name: string) => found[names.indexOf(name) + 1] ?? all);
		}
	}

	return text;
}

/** One of the texts of a scene or a lesson in the current language. */
export const pick = (text: Localised, lang: Lang = current): string => text[lang];

/**
 * A model formula in the current language: its one word, `cores`, and the
 * words in brackets at its end (`(T = measured p50)`); the symbols are the talk's own.
 */
export function tFormula(formula: string): string {
	if (current === 'en') {
		return formula;
	}

	return formula.replaceAll(/\bcores\b/g, t('cores')).replace(/ \(([^()]*[a-z]{2,}[^()]*)\)$/, (whole, words: string) => ` (${t(words)})`);
}
