import {fillIn, formatCount, formatDuration, formatLatency, formatPercent as percent, formatRate, localiseFigures, type NumberLang} from '../metrics/format.js';
import {BOUND_WORDS} from '../metrics/model.js';
import type {ModelSnapshot, RunResult, Snapshot} from '../metrics/snapshot.js';
import {currentLang, t, tFormula, tIn} from '../i18n/catalogue.js';

type Column = {readonly title: string; readonly left?: boolean; readonly cell: (r: RunResult, lang: NumberLang) => string};

const COLUMNS: readonly Column[] = [
	{title: 'mode', left: true, cell: r => r.mode},
	{title: 'work', left: true, cell: r => r.work},
	{title: 'n', cell: (r, lang) => formatCount(r.requested, lang)},
	{title: 'completed', cell: (r, lang) => formatCount(r.completed, lang)},
	{title: 'failed', cell: (r, lang) => formatCount(r.failed, lang)},
	{title: 'cancelled', cell: (r, lang) => formatCount(r.cancelled, lang)},
	{title: 'wall', cell: (r, lang) => formatDuration(r.wallMs, lang)},
	{title: 'predicted', cell: (r, lang) => formatDuration(r.predictedMs, lang)},
	{title: 'req/s', cell: (r, lang) => formatRate(r.requestsPerSecond, lang)},
	{title: 'p50/p99', cell: (r, lang) => `${formatLatency(r.latencyMs.p50, lang)}/${formatLatency(r.latencyMs.p99, lang)}`},
	{title: 'CPU', cell: (r, lang) => percent(r.cpu.utilisation, lang)},
	{title: 'startup', cell: (r, lang) => formatDuration(r.startupMs, lang)},
];

/** A run's failures by reason, as the dashboard lists them: `status 500 ×100, timeout ×20` ('' when none failed). */
const failuresText = (r: RunResult, lang: NumberLang = currentLang()): string =>
	Object.entries(r.failures)
		.map(([reason, count]) => `${reason} ×${formatCount(count, lang)}`)
		.join(', ');

/**
 * An aligned plain-text table (no colour), one row per run, for a stdout
 * that is not a terminal; under it, a line of failures by reason for each
 * run that had some (`failures, async: status 500 ×100, timeout ×20`).
 */
export function formatSummaryTable(results: readonly RunResult[], lang: NumberLang = currentLang()): string {
	const rows = [COLUMNS.map(c => tIn(lang, c.title)), ...results.map(r => COLUMNS.map(c => c.cell(r, lang)))];
	const widths = COLUMNS.map((_, i) => Math.max(...rows.map(row => row[i]!.length)));
	const line = (row: readonly string[]): string =>
		row
			.map((cell, i) => (COLUMNS[i]!.left ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
			.join('  ')
			.trimEnd();
	const failures = results.filter(r => r.failed > 0 && failuresText(r, lang) !== '').map(r => `${tIn(lang, 'failures')}, ${r.mode}: ${failuresText(r, lang)}`);
	return `${[...rows.map(row => line(row)), ...(failures.length > 0 ? ['', ...failures] : [])].join('\n')}\n`;
}

/** One short line for stderr while a headless run goes on. */
export function formatProgressLine(snapshot: Snapshot, lang: NumberLang = currentLang()): string {
	const done = snapshot.completed + snapshot.failed + snapshot.cancelled;
	return `${snapshot.run.mode} ${snapshot.run.work}: ${fillIn(tIn(lang, '{done}/{n} done, {rate} req/s, {inFlight} in flight, {elapsed}'), {
		done: formatCount(done, lang),
		n: formatCount(snapshot.run.requested, lang),
		rate: formatRate(snapshot.throughput, lang),
		inFlight: formatCount(snapshot.inFlight, lang),
		elapsed: formatDuration(snapshot.elapsedMs, lang),
	})}`;
}

/** --rate: `schedule 20/s, 9.5/s sent, 78 late, service p50 102ms, p99 145ms`. */
function rateSummary(rate: NonNullable<RunResult['rate']>, service: NonNullable<RunResult['serviceMs']>, lang: NumberLang): string {
	const ms = (v: number | null): string => (v === null ? '—' : formatDuration(v, lang));
	return fillIn(t('schedule {target}/s, {achieved}/s sent, {late} late, service p50 {p50}, p99 {p99}'), {
		target: Number.isInteger(rate.target) ? formatCount(rate.target, lang) : formatRate(rate.target, lang),
		achieved: formatRate(rate.achieved, lang),
		late: formatCount(rate.late, lang),
		p50: ms(service.p50),
		p99: ms(service.p99),
	});
}

/** `n·T/P` from `n·T/P = 400·100ms/2 = 20.0s`. */
const symbols = (formula: string): string => tFormula(formula.split(' = ')[0] ?? formula);

/** The time set against the model: the wall time less the paused time, which it names. */
const measuredText = (r: RunResult, lang: NumberLang): string =>
	r.pausedMs > 0
		? `${formatDuration(r.wallMs - r.pausedMs, lang)} (${t('{d} paused not counted').replace('{d}', formatDuration(r.pausedMs, lang))})`
		: formatDuration(r.wallMs, lang);

/** A note's values (written in English by metrics/) as the language writes them. */
const localParams = (params: Readonly<Record<string, string>> = {}, lang: NumberLang): Record<string, string> =>
	Object.fromEntries(Object.entries(params).map(([name, value]) => [name, localiseFigures(value, lang)]));

/**
 * The paragraph left on screen after the dashboard quits, e.g.
 * `processes, io: 400/400 done (0 failed, 0 cancelled) in 20.3s, predicted 20.0s (n·T/P); 20 req/s, p50 101ms, p99 104ms; CPU 3% of 2 cores; start-up 48ms.`
 * Pass the run's model to name its formula.
 */
export function formatSummaryParagraph(result: RunResult, model?: Pick<ModelSnapshot, 'formula' | 'note' | 'noteParams'>): string {
	const r = result;
	const lang = currentLang();
	const count = (n: number): string => formatCount(n, lang);
	const duration = (ms: number): string => formatDuration(ms, lang);
	const formula = model ? ` (${symbols(model.formula)}, ${t('bound by')} ${t(BOUND_WORDS[r.bound])})` : '';
	const failures = failuresText(r, lang);
	const cores = t(r.cpu.cores === 1 ? 'of 1 core' : 'of {n} cores').replace('{n}', count(r.cpu.cores));
	const parts = [
		`${r.mode}, ${r.work}: ${count(r.completed)}/${count(r.requested)} ${t('done')} (${count(r.failed)} ${t('failed')}, ${count(r.cancelled)} ${t('cancelled')}) ${t('in')} ${measuredText(r, lang)}, ${t('predicted')} ${duration(r.predictedMs)}${formula}`,
		`${formatRate(r.requestsPerSecond, lang)} req/s, p50 ${formatLatency(r.latencyMs.p50, lang)}, p99 ${formatLatency(r.latencyMs.p99, lang)}${r.rate ? ` ${t('from the intended start')}` : ''}`,
		...(r.rate && r.serviceMs ? [rateSummary(r.rate, r.serviceMs, lang)] : []),
		...(failures === '' ? [] : [`${t('failures')}: ${failures}`]),
		`CPU ${percent(r.cpu.utilisation, lang)} ${cores}`,
		`${t('start-up')} ${duration(r.startupMs)}`,
		...(model && model.note !== '' ? [fillIn(t(model.note), localParams(model.noteParams, lang))] : []),
	];
	return `${parts.join('; ')}.`;
}

/**
 * The comparison left on screen after the dashboard quits: one line per mode
 * run, `processes            20.3s    20 req/s  predicted 20.0s`.
 */
export function formatLeaderboardLines(results: readonly RunResult[]): string[] {
	const lang = currentLang();
	const rows = results.map(r => [r.mode, formatDuration(r.wallMs, lang), `${formatRate(r.requestsPerSecond, lang)} req/s`, `${t('predicted')} ${formatDuration(r.predictedMs, lang)}`]);
	const widths = [0, 1, 2].map(i => Math.max(...rows.map(row => row[i]!.length)));
	return rows.map(([mode, wall, rps, predicted]) => `${mode!.padEnd(widths[0]!)}  ${wall!.padStart(widths[1]!)}  ${rps!.padStart(widths[2]!)}  ${predicted}`);
}
