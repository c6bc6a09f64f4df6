import {pick, tIn} from '../i18n/catalogue.js';
import type {Lang} from '../i18n/lang.js';
import {fillIn, formatCount, formatDuration} from '../i18n/format.js';
import {type Line, fit, fitLine, padEnd, seg} from '../ui/text/text.js';
import type {Ranked, SceneOutcome} from './outcome.js';
import type {Scene} from './scenes.js';

function outcomeText(outcome: SceneOutcome | undefined, lang: Lang): string {
	const say = (english: string, params: Readonly<Record<string, string>> = {}): string => fillIn(tIn(lang, english), params);
	if (!outcome) {
		return say('not played');
	}

	if (outcome.kind === 'compare') {
		// The leaderboard's order and times (≈: the model's, for a run stopped at the bound).
		const time = (r: Ranked): string => `${r.mode} ${r.extrapolated ? '≈' : ''}${formatDuration(r.ms, lang)}`;
		return say('n={n}: {fast} first, {slow} last', {n: formatCount(outcome.requested, lang), fast: time(outcome.ranking[0]!), slow: time(outcome.ranking.at(-1)!)});
	}

	const mode = padEnd(outcome.mode, 17);
	const figures = {done: formatCount(outcome.done, lang), n: formatCount(outcome.requested, lang), ms: formatDuration(outcome.elapsedMs, lang), model: formatDuration(outcome.predictedMs, lang)};
	if (outcome.bounded) {
		return `${mode} ${say('{done}/{n} {ms} as planned, model {model}', figures)}`;
	}

	const base = `${mode} ${say('{done}/{n} {ms}, model {model}', figures)}`;
	return outcome.left === true ? `${base} · ${say('left mid-run')}` : base;
}

/**
 * The screen left when the tour ends: one line per scene with what its last run measured
 * (below 100 columns, two: the title, then the figures under it).
 */
export function tourSummaryLines(scenes: readonly Scene[], outcomes: readonly (SceneOutcome | undefined)[], lang: Lang, width: number): Line[] {
	const wide = width >= 100;
	const titleWidth = Math.min(width >= 120 ? 52 : 30, Math.max(...scenes.map((s) => pick(s.title, lang).length)));
	const rows = scenes.flatMap((scene, i): Line[] => {
		const number = seg(`${String(i + 1).padStart(2)} `, 'key');
		const outcome = seg(outcomeText(outcomes[i], lang), outcomes[i] ? 'plain' : 'muted');
		return wide
			? [[number, seg(padEnd(fit(pick(scene.title, lang), titleWidth), titleWidth + 1), 'title'), outcome]]
			: [[number, seg(pick(scene.title, lang), 'title')], [seg('   '), outcome]];
	});
	return [[seg(fillIn(tIn(lang, 'concviz tour: {n} scenes, every figure measured on this machine'), {n: String(scenes.length)}), 'title')], ...rows].map((line) => fitLine(line, width));
}
