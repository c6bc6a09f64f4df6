import {factsOf, factorValue, inFlightOf, isThreaded, type ModeFacts} from '../../config/modes.js';
import type {ModelSnapshot, RunInfo, StartupCost} from '../../metrics/snapshot.js';
import {formatCount} from '../text/screen-format.js';
import {perWorkerText} from './lessons.js';
import {boundWord} from './model-lines.js';
import {type Line, firstFitting, seg} from '../text/text.js';
import {t} from '../../i18n/catalogue.js';

/** What the hint reads: the run (its mode's facts and knobs), the model's bound, what a worker was measured to cost. */
export type HintInput = {
	readonly run: RunInfo;
	readonly model: ModelSnapshot;
	readonly startup: StartupCost | null;
	readonly width: number;
};

const fill = (template: string, values: Readonly<Record<string, string>>): string =>
	t(template).replaceAll(/\{(\w+)\}/g, (all, name: string) => values[name] ?? all);

/** The lanes and what each holds at once: `1 lane, one request at a time`, `4 lanes (P), one request each`, `2 loops (P), 1,000 in flight (P·C)`. */
function lanesText(run: RunInfo): string {
	const facts = factsOf(run.mode);
	const factors = facts.inFlight.filter((factor) => factor !== 'C');
	const lanes = factors.reduce((product, factor) => product * factorValue(factor, run), 1);
	const loop = facts.lane === 'loop';
	const who = lanes === 1 ? t(loop ? '1 loop' : '1 lane') : fill(loop ? '{n} loops ({f})' : '{n} lanes ({f})', {n: formatCount(lanes), f: factors.join('·')});
	if (run.work === 'cpu') {
		return loop ? who + t(lanes === 1 ? ', one task at a time' : ', one task at a time each') : who;
	}

	if (loop) {
		return who + fill(', {k} in flight ({f})', {k: formatCount(Math.min(run.requested, inFlightOf(facts, run))), f: facts.inFlight.join('·')});
	}

	return who + t(lanes === 1 ? ', one request at a time' : ', one request each');
}

/** Where the bound shows on screen: the lanes' ░ (or ▒ under the GIL), the loops' elu, the cores, the schedule. */
function watchText(facts: ModeFacts, run: RunInfo, bound: ModelSnapshot['bound']): string {
	if (run.work !== 'io' && run.gil && isThreaded(facts)) {
		return t('watch ▒ in the lanes');
	}

	switch (bound) {
		case 'latency': {
			// A loop with C requests in flight is drawn busy (█) while it waits on them all: its wait is the in-flight count.
			return t(facts.lane === 'loop' ? 'watch in flight' : 'watch ░ in the lanes');
		}

		case 'loop': {
			return t(facts.inFlight.includes('P') ? "watch each loop's elu" : "watch the loop's elu");
		}

		case 'cpu': {
			return t('watch the cores');
		}

		case 'rate': {
			return t('watch sent and late');
		}
	}
}

/** One worker's measured cost, beside a worker of the other kind measured earlier in the session. */
function startupText(run: RunInfo, startup: StartupCost | null): string {
	if (!startup) {
		return '';
	}

	const other = run.otherStartup;
	return other && other.kind !== startup.kind ? `${perWorkerText(startup)}, ${perWorkerText(other)}` : perWorkerText(startup);
}

/**
 * What to look at in this run, one line (docs/architecture.md, "Facts about a
 * mode"): its lanes from the mode's facts and knobs, the bound the model named
 * (as the model line names it), where that bound shows on screen, and what a
 * worker was measured to cost. Parts are left out from the end where the line
 * is short; nothing in it is a claim the figures on screen could contradict.
 */
export function hintLine({run, model, startup, width}: HintInput): Line {
	const head = seg(t('look for '), 'title');
	const lanes = lanesText(run);
	const bound = boundWord(model.bound);
	const watch = watchText(factsOf(run.mode), run, model.bound);
	const cost = startupText(run, startup);
	const texts = [
		...(cost ? [`${lanes}; ${bound}; ${watch}; ${cost}`] : []),
		`${lanes}; ${bound}; ${watch}`,
		`${lanes}; ${bound}`,
		`${bound}; ${watch}`,
	];
	return firstFitting(texts.map((text) => [head, seg(text, 'muted')]), width);
}
