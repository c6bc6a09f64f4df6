import {pick} from '../i18n/catalogue.js';
import type {Lang} from '../i18n/lang.js';
import {count, duration} from '../ui/text/format.js';
import {type Line, fit, fitLine, padEnd, seg} from '../ui/text/text.js';
import type {Ranked, SceneOutcome} from './outcome.js';
import type {Scene} from './scenes.js';

const WORDS = {
	en: {
		head: (n: number) => `concviz tour: ${n} scenes, every figure measured on this machine`,
		model: 'model',
		bounded: (done: string, n: string, ms: string, model: string) => `${done}/${n} ${ms} as planned, model ${model}`,
		left: 'left mid-run',
		compare: (n: string, fast: string, slow: string) => `n=${n}: ${fast} first, ${slow} last`,
		skipped: 'not played',
	},
	pt: {
		head: (n: number) => `concviz tour: ${n} cenas, cada número medido nesta máquina`,
		model: 'modelo',
		bounded: (done: string, n: string, ms: string, model: string) => `${done}/${n} ${ms} como previsto, modelo ${model}`,
		left: 'interrompida',
		compare: (n: string, fast: string, slow: string) => `n=${n}: ${fast} primeiro, ${slow} último`,
		skipped: 'não exibida',
	},
} as const;

function outcomeText(outcome: SceneOutcome | undefined, lang: Lang): string {
	const w = WORDS[lang];
	if (!outcome) {
		return w.skipped;
	}

	if (outcome.kind === 'compare') {
		// The leaderboard's order and times (≈: the model's, for a run stopped at the bound).
		const time = (r: Ranked): string => `${r.mode} ${r.extrapolated ? '≈' : ''}${duration(r.ms, lang)}`;
		return w.compare(count(outcome.requested, lang), time(outcome.ranking[0]!), time(outcome.ranking.at(-1)!));
	}

	const mode = padEnd(outcome.mode, 17);
	const [done, n, ms, model] = [count(outcome.done, lang), count(outcome.requested, lang), duration(outcome.elapsedMs, lang), duration(outcome.predictedMs, lang)];
	if (outcome.bounded) {
		return `${mode} ${w.bounded(done, n, ms, model)}`;
	}

	const base = `${mode} ${done}/${n} ${ms}, ${w.model} ${model}`;
	return outcome.left === true ? `${base} · ${w.left}` : base;
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
	return [[seg(WORDS[lang].head(scenes.length), 'title')], ...rows].map((line) => fitLine(line, width));
}
