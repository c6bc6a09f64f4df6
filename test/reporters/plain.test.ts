import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatProgressLine, formatSummaryParagraph, formatSummaryTable} from '../../source/reporters/plain.js';
import {toSnapshot} from '../../source/metrics/reducer.js';
import {setLang} from '../../source/i18n/catalogue.js';
import {taskEnd, taskStart, workerUp} from '../helpers/events.js';
import {apply, frame, started, T0} from '../helpers/metrics.js';
import {asyncResult, result} from './fixtures.js';

test('the summary table is aligned plain text, one row per run, then the failures of each run that had some', () => {
	assert.equal(
		formatSummaryTable([result, asyncResult]),
		[
			'mode       work      n  completed  failed  cancelled   wall  predicted  req/s      p50/p99  CPU  startup',
			'processes  io      400        400       0          0  20.3s      20.0s     20  101ms/104ms   3%     48ms',
			'async      io    4,000      3,500     120        380   1.2s      400ms  2,933  104ms/251ms  13%      3ms',
			'',
			'failures, async: status 500 ×100, timeout ×20',
			'',
		].join('\n'),
	);
	const offline = {...result, completed: 0, failed: 400, failures: {'DNS lookup failed (ENOTFOUND)': 400}};
	assert.match(formatSummaryTable([offline]), /\n\nfailures, processes: DNS lookup failed \(ENOTFOUND\) ×400\n$/);
	assert.doesNotMatch(formatSummaryTable([result]), /failures/);
	setLang('pt');
	try {
		assert.equal(
			formatSummaryTable([asyncResult]),
			[
				'modo   carga      n  concluídas  falharam  canceladas  tempo  previsto  req/s      p50/p99  CPU  início',
				'async  io     4.000       3.500       120         380   1,2s     400ms  2.933  104ms/251ms  13%     3ms',
				'',
				'falhas, async: status 500 ×100, timeout ×20',
				'',
			].join('\n'),
		);
	} finally {
		setLang('en');
	}
});

test('the summary paragraph names the formula, the rates, the CPU and the start-up', () => {
	assert.equal(
		formatSummaryParagraph(result, {formula: 'n·T/P = 400·100ms/2 = 20.0s', note: ''}),
		'processes, io: 400/400 done (0 failed, 0 cancelled) in 20.3s, predicted 20.0s (n·T/P, bound by network latency); 20 req/s, p50 101ms, p99 104ms; CPU 3% of 2 cores; start-up 48ms.',
	);
	assert.equal(
		formatSummaryParagraph({...asyncResult, bound: 'loop'}, {formula: 'n·c = 4,000·100µs = 400ms', note: 'a note'}),
		"async, io: 3,500/4,000 done (120 failed, 380 cancelled) in 1.2s, predicted 400ms (n·c, bound by the event loop's CPU); 2,933 req/s, p50 104ms, p99 251ms; failures: status 500 ×100, timeout ×20; CPU 13% of 8 cores; start-up 3ms; a note.",
	);
	assert.equal(
		formatSummaryParagraph({...result, cpu: {...result.cpu, cores: 1}}),
		'processes, io: 400/400 done (0 failed, 0 cancelled) in 20.3s, predicted 20.0s; 20 req/s, p50 101ms, p99 104ms; CPU 3% of 1 core; start-up 48ms.',
	);
});

test('the progress line: mode, work, done/total, rate, in flight, elapsed', () => {
	const ends = Array.from({length: 20}, (_, i) => taskEnd({worker: 0, task: i, t: T0 + 1000 + (i * 50)}));
	const s = apply(
		started({requested: 4000}),
		[workerUp({worker: 0, t: T0}), workerUp({worker: 1, t: T0}), taskStart({worker: 0, task: 0, t: T0}), taskStart({worker: 1, task: 1, t: T0})],
		ends,
		frame(T0 + 2050),
	);
	assert.equal(formatProgressLine(toSnapshot(s, T0 + 2050)), 'processes io: 20/4,000 done, 20 req/s, 1 in flight, 2.1s');
	assert.equal(formatProgressLine(toSnapshot(s, T0 + 2050), 'pt'), 'processes io: 20/4.000 feitas, 20 req/s, 1 em voo, 2,1s');
});

test('with --rate the summary paragraph says latency counts from the intended start, and gives the schedule and service time', () => {
	const rated = {
		...result,
		mode: 'sequential' as const,
		latencyMs: {p50: 2100, p90: 3800, p99: 4200, max: 4300},
		serviceMs: {p50: 102, p90: 105, p99: 145, max: 150},
		rate: {target: 20, achieved: 9.5, late: 78},
	};
	assert.equal(
		formatSummaryParagraph(rated, {formula: 'n·T = 400·100ms = 40.0s', note: ''}),
		'sequential, io: 400/400 done (0 failed, 0 cancelled) in 20.3s, predicted 20.0s (n·T, bound by network latency); 20 req/s, p50 2.1s, p99 4.2s from the intended start; schedule 20/s, 9.5/s sent, 78 late, service p50 102ms, p99 145ms; CPU 3% of 2 cores; start-up 48ms.',
	);
});

test('the summary paragraph sets the time less the pauses against the model, and says how long it was paused', () => {
	assert.equal(
		formatSummaryParagraph({...result, wallMs: 23_312.4, pausedMs: 3000}),
		'processes, io: 400/400 done (0 failed, 0 cancelled) in 20.3s (3.0s paused not counted), predicted 20.0s; 20 req/s, p50 101ms, p99 104ms; CPU 3% of 2 cores; start-up 48ms.',
	);
});
