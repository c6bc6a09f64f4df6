import type {ModelSnapshot, ModelTerm, RunStatus} from '../../metrics/snapshot.js';
import {BOUND_WORDS} from '../../model/formulas.js';
import {fillIn} from '../../i18n/format.js';
import {formatDuration, localiseFigures, localiseFormula} from '../text/screen-format.js';
import {type Line, type Seg, firstFitting, fitLine, rule, seg, wrap} from '../text/text.js';
import {t as translate} from '../../i18n/catalogue.js';

/** `latency-bound` and the like, in the current language. */
export const boundWord = (bound: string): string => translate('{bound}-bound').replace('{bound}', translate(bound));

export type ModelProps = {
	readonly model: ModelSnapshot;
	readonly elapsedMs: number;
	/** Of elapsedMs, the time paused: not counted in the measured time. */
	readonly pausedMs?: number;
	readonly status: RunStatus;
	readonly width: number;
	/** Lines available. */
	readonly height: number;
	/** `line`: one line per term (and the note below); `block`: a titled panel. */
	readonly variant: 'line' | 'block';
	readonly color: boolean;
};


/** `+4%` / `−12%`: how far the measurement is from the prediction; then the paused time it leaves out. */
function deviation(measured: number, predicted: number, pausedMs: number): Seg[] {
	const paused = pausedMs > 0 ? [seg(`${predicted > 0 ? ', ' : ''}${formatDuration(pausedMs)} ${translate('paused not counted')}`, 'muted')] : [];
	if (!(predicted > 0)) {
		return paused.length > 0 ? [seg(' ('), ...paused, seg(')')] : [];
	}

	const d = Math.round(((measured - predicted) / predicted) * 100);
	return [seg(' ('), seg(`${d < 0 ? '−' : '+'}${Math.abs(d)}%`, Math.abs(d) <= 15 ? 'good' : 'warn'), ...paused, seg(')')];
}

/** The measured time, paused time left out, set against the prediction once done. */
function measured(props: ModelProps): Seg[] {
	const {status, elapsedMs, model} = props;
	const pausedMs = Math.min(elapsedMs, props.pausedMs ?? 0);
	const ms = elapsedMs - pausedMs;
	if (ms <= 0) {
		return [seg('—', 'muted')];
	}

	if (status === 'done') {
		return [seg(formatDuration(ms), 'title'), ...deviation(ms, model.predictedMs, pausedMs)];
	}

	return [seg(formatDuration(ms), 'title'), seg(` ${translate('so far')}`, 'muted'), ...(pausedMs > 0 ? [seg(` (${formatDuration(pausedMs)} ${translate('paused not counted')})`, 'muted')] : [])];
}

type NamedTerm = {readonly name: string; readonly term: ModelTerm; readonly wins: boolean};

/** The terms the model has, latency first, each with its name and whether it is the larger. */
export function termsOf(model: ModelSnapshot): NamedTerm[] {
	const terms: NamedTerm[] = [];
	if (model.latency) {
		terms.push({name: 'latency', term: model.latency, wins: model.bound === 'latency'});
	}

	if (model.cpu) {
		terms.push({name: model.cpu.bound, term: model.cpu, wins: model.bound === 'cpu' || model.bound === 'loop'});
	}

	if (model.rate) {
		terms.push({name: 'rate', term: model.rate, wins: model.bound === 'rate'});
	}

	return terms;
}

/** At most `room` terms in their order: the winner (last when it is the rate) and the larger of the rest. */
function fitTerms(terms: readonly NamedTerm[], room: number): NamedTerm[] {
	if (terms.length <= room) {
		return [...terms];
	}

	const keep = new Set([...terms].sort((a, b) => Number(b.wins) - Number(a.wins) || b.term.ms - a.term.ms).slice(0, Math.max(1, room)));
	return terms.filter(t => keep.has(t));
}

const short = (t: ModelTerm): string => `${localiseFormula(t.symbol)} = ${formatDuration(t.ms)}`;
/** A term whose numbers are its one measured figure (`B = 135ms`) is written once. */
const full = (t: ModelTerm): string => (t.numbers === formatDuration(t.ms, 'en') ? short(t) : `${localiseFormula(`${t.symbol} = ${t.numbers}`)} = ${formatDuration(t.ms)}`);

/** One line per term: `model latency n·T/C = … = 2.0s`, then `      loop    n·c = … = 900ms   measured …   latency-bound`. */
function termLines(props: ModelProps, terms: readonly NamedTerm[]): Line[] {
	const {model, width} = props;
	const m = [seg(`   ${translate('measured')} `, 'muted'), ...measured(props)];
	const verdict = seg(`   ${boundWord(model.bound)}`, 'muted');
	const head = (i: number, t: NamedTerm): Seg[] => [
		seg((i === 0 ? translate('model') : '').padEnd(translate('model').length + 1), 'title'),
		seg(translate(t.name).padEnd(Math.max(8, translate(t.name).length + 1)), t.wins ? 'title' : 'muted'),
	];
	return terms.map((t, i) => {
		const start = head(i, t);
		const last = i === terms.length - 1;
		const body = [seg(full(t.term))];
		const brief = [seg(short(t.term))];
		return last
			? firstFitting([[...start, ...body, ...m, verdict], [...start, ...brief, ...m, verdict], [...start, ...brief, ...m], [...start, ...brief]], width)
			: firstFitting([[...start, ...body], [...start, ...brief]], width);
	});
}

/** A note's values (written in English by metrics/) as the current language writes them. */
const localParams = (params: Readonly<Record<string, string>> = {}): Record<string, string> =>
	Object.fromEntries(Object.entries(params).map(([name, value]) => [name, localiseFigures(value)]));

/** The model's note in the current language, its figures filled in ('' when there is none). */
const noteText = (model: Pick<ModelSnapshot, 'note' | 'noteParams'>): string =>
	model.note ? fillIn(translate(model.note), localParams(model.noteParams)) : '';

export function modelLines(props: ModelProps): Line[] {
	const {model, width, height, variant} = props;
	const terms = termsOf(model);
	const text = noteText(model);
	const note = text ? wrap(text, width - 2) : [];
	if (variant === 'line') {
		const noteLine: Line = [seg('! ', 'warn'), seg(text, 'warn')];
		if (terms.length >= 2 && height >= 2) {
			const shown = fitTerms(terms, text ? Math.max(2, height - 1) : height);
			return [...termLines(props, shown), ...(text && height > shown.length ? [fitLine(noteLine, width)] : [])];
		}

		const formula = [seg(`${translate('model')} `, 'title'), seg(localiseFormula(model.formula))];
		const m = [seg(`   ${translate('measured')} `, 'muted'), ...measured(props)];
		const first = firstFitting([[...formula, ...m, seg(`   ${boundWord(model.bound)}`, 'muted')], [...formula, ...m], formula], width);
		const second: Line[] = text && height >= 2 ? [fitLine(noteLine, width)] : [];
		return [first, ...second].slice(0, Math.max(0, height));
	}

	const label = (text: string, tone: 'muted' | 'title' = 'muted'): Seg => seg(translate(text).padEnd(Math.max(11, translate(text).length + 1)), tone);
	const termBlock = terms.length === 0
		? wrap(localiseFormula(model.formula), width - 11).map((part, i) => [label(i === 0 ? 'predicted' : ''), seg(part)])
		: terms.flatMap(t => wrap(full(t.term), width - 11).map((part, i) => [label(i === 0 ? t.name : '', t.wins ? 'title' : 'muted'), seg(part)]));
	const lines: Line[] = [
		rule(translate('model'), width, translate('predicted vs measured')),
		...termBlock,
		[label('measured'), ...measured(props)],
		[label('bound by'), seg(translate(BOUND_WORDS[model.bound]))],
		...note.map((part, i) => [seg(i === 0 ? '! ' : '  ', 'warn'), seg(part, 'warn')]),
	];
	return lines.slice(0, Math.max(0, height)).map(line => fitLine(line, width));
}

/** Lines the model takes in the compact layout: one per term, and the note. */
export const modelLineCount = (model: ModelSnapshot): number => Math.max(1, termsOf(model).length) + (model.note ? 1 : 0);
