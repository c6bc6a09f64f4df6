import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {Mode} from '../../source/config/config.js';
import type {Ranked} from '../../source/tour/outcome.js';
import {verdictLine, verdictOf} from '../../source/tour/verdict.js';

/** A ranking, fastest first: `mode ms` or `mode ≈ms` for a run stopped at the bound. */
const ranking = (...rows: string[]): Ranked[] => rows.map((row) => {
	const [mode, ms] = row.split(' ') as [Mode, string];
	return {mode, ms: Number(ms.replace('≈', '')), extrapolated: ms.startsWith('≈')};
});

const talk = ranking('processes-async 2300', 'async 4300', 'processes-threads ≈50000', 'threads ≈200000', 'processes ≈200000', 'sequential ≈400000');
const asyncFirst = ranking('async 4300', 'processes-async 5100', 'processes-threads ≈50000', 'threads ≈200000', 'processes ≈200000', 'sequential ≈400000');
const blockingAhead = ranking('processes-async 2300', 'processes-threads 3000', 'async 4300', 'threads ≈200000', 'processes ≈200000', 'sequential ≈400000');

test('the closing verdict follows the measured ranking, the talk’s way or not', () => {
	assert.equal(verdictOf(talk), 'talk');
	assert.equal(verdictOf(asyncFirst), 'async-first');
	assert.equal(verdictOf(blockingAhead), 'blocking-ahead');
	assert.equal(verdictOf(talk.slice(0, 5)), null, 'no verdict until every mode ran');
});

test('the verdict line names the measured times, and says so when this machine disagrees with scene 12 (en and pt)', () => {
	assert.equal(verdictLine(talk, 'en'), 'Measured: processes × async 2.3s, async 4.3s, every blocking model behind.');
	assert.equal(verdictLine(talk, 'pt'), 'Medido: processos × async 2,3s, async 4,3s, todo modelo bloqueante atrás.');
	assert.equal(verdictLine(asyncFirst, 'en'), 'Here async (4.3s) beat processes × async (5.1s), unlike scene 12.');
	assert.equal(verdictLine(asyncFirst, 'pt'), 'Aqui async (4,3s) venceu processos × async (5,1s), ao contrário da cena 12.');
	assert.equal(verdictLine(blockingAhead, 'en'), 'Here a blocking model beat an event loop (async 4.3s, processes × async 2.3s).');
	const stopped = ranking('async 4300', 'processes-async ≈9000', 'processes-threads ≈50000', 'threads ≈200000', 'processes ≈200000', 'sequential ≈400000');
	assert.equal(verdictLine(stopped, 'en'), 'Here async (4.3s) beat processes × async (≈9.0s), unlike scene 12.', 'a time the model extrapolated is marked ≈');
	assert.equal(verdictLine(talk.slice(1), 'en'), null);
	for (const line of [talk, asyncFirst, blockingAhead].flatMap((r) => [verdictLine(r, 'en')!, verdictLine(r, 'pt')!])) {
		assert.ok([...line].length <= 78, `fits 80 columns: ${line}`);
	}
});
