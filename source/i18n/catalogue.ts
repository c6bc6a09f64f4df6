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

/** One of the texts of a scene or a lesson in the current language. */
export const pick = (text: Localised, lang: Lang = current): string => text[lang];
