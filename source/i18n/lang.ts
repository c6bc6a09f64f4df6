/** The languages concviz speaks: English, and Portuguese in the talk's own words. */
export const LANGS = ['en', 'pt'] as const;
export type Lang = (typeof LANGS)[number];

/** Text in every language (captions, lessons). */
export type Localised = Readonly<Record<Lang, string>>;

const LOCALE_VARIABLES = ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE'] as const;

/**
 * The language from the locale, as POSIX reads it: the first of LC_ALL,
 * LC_MESSAGES, LANG (then LANGUAGE, GNU's list) that is set and not empty.
 * `pt`, `pt_BR.UTF-8`, `pt-PT`… → pt; anything else (C, POSIX, en_US…) → en.
 */
export function langFromEnv(env: Readonly<Record<string, string | undefined>>): Lang {
	for (const name of LOCALE_VARIABLES) {
		const value = env[name];
		if (value !== undefined && value !== '') {
			const first = value.split(':')[0]!.toLowerCase();
			return first === 'pt' || /^pt[_.@-]/.test(first) ? 'pt' : 'en';
		}
	}

	return 'en';
}
