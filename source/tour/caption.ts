import {pick, tIn} from '../i18n/catalogue.js';
import type {Lang} from '../i18n/lang.js';
import {fillIn, formatCount, formatNumber} from '../i18n/format.js';
import {type Line, type Seg, fitLine, lineWidth, seg, spread, wrap} from '../ui/text/text.js';
import {TOUR_KEYS} from './tour-keys.js';
import type {TourView} from './tour-driver.js';
import {verdictLine} from './verdict.js';

/** The terminal size the tour is laid out for (the talk's projector). */
const TOUR_WIDTH = 100;
const TOUR_HEIGHT = 30;
/** Rows the caption takes above the dashboard: the tour bar and up to three caption rows. */
export const CAPTION_ROWS = 4;

const BOUNDED = 'Bounded run: it stops after {s} s; the model line extrapolates all {n}.';
/** A bounded comparison: only the runs too long for the talk stop (tour/bound.ts); the leaderboard marks them ≈. */
const BOUNDED_COMPARE = "Runs too long stop after {s} s: ≈ is the model's time for all {n}.";
const autoplayText = (lang: Lang, seconds: number): string => fillIn(tIn(lang, 'next in {s}s'), {s: String(seconds)});
const sizeText = (lang: Lang, w: number, h: number): string =>
	fillIn(tIn(lang, 'laid out for {layout}, now {size}'), {layout: `${TOUR_WIDTH}×${TOUR_HEIGHT}`, size: `${w}×${h}`});

export type CaptionInput = {
	readonly tour: TourView;
	readonly lang: Lang;
	readonly width: number;
	readonly height: number;
	/** Epoch ms, for the autoplay countdown. */
	readonly now: number;
};

/** `3/11  Title ……… → next  ← back …` or the autoplay countdown; the size check when the terminal differs. */
export function tourBarLine({tour, lang, width, height, now}: CaptionInput): Line {
	const {index, count: total} = tour.state;
	const left: Seg[] = [seg(` ${index + 1}/${total} `, 'badge'), seg(' '), seg(pick(tour.scene.title, lang), 'title')];
	const size: Seg[] = width === TOUR_WIDTH && height === TOUR_HEIGHT ? [] : [seg(sizeText(lang, width, height), 'warn')];
	// The last scene has no next: back, or q to end the tour.
	const keys = index + 1 < total ? TOUR_KEYS.slice(0, 2) : TOUR_KEYS.filter(([key]) => key === '←' || key === 'q');
	const next: Seg[] = tour.nextAt === null
		? keys.flatMap(([key, words], i) => [...(i > 0 ? [seg(' ')] : []), seg(tIn(lang, key), 'key'), seg(` ${tIn(lang, words)}`, 'muted')])
		: [seg(autoplayText(lang, Math.max(0, Math.ceil((tour.nextAt - now) / 1000))), 'accent')];
	// When both don't fit, the size check goes before the keys (a presenter knows them).
	const candidates: Seg[][] = [[...size, ...(size.length > 0 ? [seg('  ')] : []), ...next], size, next];
	const fitting = candidates.find((right) => right.length > 0 && lineWidth(left) + 1 + lineWidth(right) <= width);
	return spread(left, fitting ?? [], width);
}

/** The closing comparison's verdict, from its measured ranking, once every mode ran. */
function verdictOf(tour: TourView, lang: Lang): string[] {
	const outcome = tour.scene.compare === true ? tour.outcomes[tour.state.index] : undefined;
	const line = outcome?.kind === 'compare' ? verdictLine(outcome.ranking, lang) : null;
	return line === null ? [] : [line];
}

/** The caption under the bar: the scene's lines wrapped to the width (a comparison's verdict once measured), then the bounded-run note. */
export function captionLines({tour, lang, width}: CaptionInput, rows = CAPTION_ROWS - 1): Line[] {
	const {scene} = tour;
	const texts = [...scene.lines.map((line) => pick(line, lang)), ...verdictOf(tour, lang)];
	const plain = texts.length;
	if (scene.boundSeconds !== undefined) {
		const note = scene.compare === true ? BOUNDED_COMPARE : BOUNDED;
		texts.push(fillIn(tIn(lang, note), {s: formatNumber(scene.boundSeconds, lang), n: formatCount(scene.preset.requests ?? 0, lang)}));
	}

	const lines = texts.flatMap((text, i) => wrap(text, width - 2).map((part): Line => [seg('  '), seg(part, i < plain ? 'plain' : 'warn')]));
	while (lines.length < rows) {
		lines.push([]);
	}

	return lines.slice(0, rows).map((line) => fitLine(line, width));
}

const TOUR_HELP = ['tour keys: → PageDown Enter next scene · ← PageUp previous · r run the scene again', "space pause · q end the tour; the dashboard's keys below work within a scene"] as const;

/** With the help open (?), the caption rows name the tour's own keys. */
export function tourHelpLines(lang: Lang, width: number, rows = CAPTION_ROWS - 1): Line[] {
	const lines: Line[] = TOUR_HELP.flatMap((text) => wrap(tIn(lang, text), width - 2).map((part): Line => [seg('  '), seg(part, 'key')]));
	while (lines.length < rows) {
		lines.push([]);
	}

	return lines.slice(0, rows).map((line) => fitLine(line, width));
}
