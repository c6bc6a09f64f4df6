import {factsOf} from '../config/modes.js';
import type {Lang} from '../i18n/lang.js';
import {tIn} from '../i18n/catalogue.js';
import {fillIn, formatDuration} from '../i18n/format.js';
import type {Ranked} from './outcome.js';

/**
 * What the closing leaderboard measured, against the talk's argument (scene 8: processes × async,
 * the answer for 400,000+ URLs): 'talk' when processes-async came first, async second and every
 * blocking model behind both; 'async-first' when async beat processes-async, both ahead of every
 * blocking model; 'blocking-ahead' when a blocking model beat an event loop. null until all six ran.
 */
export type Verdict = 'talk' | 'async-first' | 'blocking-ahead';

export function verdictOf(ranking: readonly Ranked[]): Verdict | null {
	const at = (mode: string): number => ranking.findIndex((r) => r.mode === mode);
	const loops = ranking.filter((r) => factsOf(r.mode).lane === 'loop').length;
	if (ranking.length < 6 || at('async') < 0 || at('processes-async') < 0) {
		return null;
	}

	if (Math.max(at('async'), at('processes-async')) >= loops) {
		return 'blocking-ahead';
	}

	return at('processes-async') < at('async') ? 'talk' : 'async-first';
}

const LINES: Readonly<Record<Verdict, string>> = {
	talk: 'Measured: processes × async {pa}, async {a}, every blocking model behind.',
	'async-first': 'Here async ({a}) beat processes × async ({pa}), unlike scene 8.',
	'blocking-ahead': 'Here a blocking model beat an event loop (async {a}, processes × async {pa}).',
};

/** The closing caption's line from the measured ranking (null until every mode ran); its times are the leaderboard's. */
export function verdictLine(ranking: readonly Ranked[], lang: Lang): string | null {
	const verdict = verdictOf(ranking);
	if (verdict === null) {
		return null;
	}

	const time = (mode: string): string => {
		const r = ranking.find((x) => x.mode === mode)!;
		return (r.extrapolated ? '≈' : '') + formatDuration(r.ms, lang);
	};

	return fillIn(tIn(lang, LINES[verdict]), {a: time('async'), pa: time('processes-async')});
}
