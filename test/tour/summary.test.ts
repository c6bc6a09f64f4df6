import assert from 'node:assert/strict';
import {test} from 'node:test';
import {SCENES} from '../../source/tour/scenes.js';
import {tourSummaryLines} from '../../source/tour/summary.js';
import type {SceneOutcome} from '../../source/tour/outcome.js';

const plain = (line: readonly {text: string}[]): string => line.map((s) => s.text).join('').trimEnd();

const outcomes: (SceneOutcome | undefined)[] = SCENES.map(() => undefined);
outcomes[4] = {kind: 'run', mode: 'sequential', work: 'io', requested: 4, done: 4, elapsedMs: 412, predictedMs: 400, bounded: false};
outcomes[7] = {kind: 'run', mode: 'sequential', work: 'io', requested: 4000, done: 118, elapsedMs: 12_050, predictedMs: 400_000, bounded: true};
outcomes[8] = {kind: 'run', mode: 'processes', work: 'io', requested: 4000, done: 520, elapsedMs: 8100, predictedMs: 12_000, bounded: false, left: true};
outcomes[14] = {kind: 'compare', requested: 4000, ranking: [
	{mode: 'processes-async', ms: 2300, extrapolated: false},
	{mode: 'async', ms: 4300, extrapolated: false},
	{mode: 'sequential', ms: 401_100, extrapolated: true},
]};

test('the closing summary: a line per scene with what its last run measured', () => {
	const lines = tourSummaryLines(SCENES, outcomes, 'en', 100).map(plain);
	assert.equal(lines.length, 16);
	assert.equal(lines[0], 'concviz tour: 15 scenes, every figure measured on this machine');
	assert.equal(lines[1], ' 1 Parallelism                    not played');
	assert.equal(lines[5], ' 5 Sequential – 4 URLs            sequential        4/4 412ms, model 400ms');
	assert.equal(lines[8], ' 8 What if we needed 4,000 HTTP … sequential        118/4,000 12.1s as planned, model 6m40s', 'a bounded scene ended as planned, not left');
	assert.equal(lines[6], ' 6 Multiple processes – 4 URLs, … not played');
	assert.equal(lines[9], ' 9 Multiple processes and multip… processes         520/4,000 8.1s, model 12.0s · left mid-run');
	assert.ok(lines.every((line) => line.length <= 100));
	assert.equal(lines[15], '15 The closing leaderboard: all … n=4,000: processes-async 2.3s first, sequential ≈6m41s last');
});

test('below 100 columns, in Portuguese: one row a scene where two do not fit 24 rows, the title cut, the figures whole', () => {
	const lines = tourSummaryLines(SCENES, outcomes, 'pt', 80).map(plain);
	assert.equal(lines.length, 16);
	assert.equal(lines[0], 'concviz tour: 15 cenas, cada número medido nesta máquina');
	assert.equal(lines[8], ' 8 E se precisássemos re… sequential 118/4.000 12,1s como previsto, modelo 6m40s');
	assert.equal(lines[6], ' 6 Múltiplos processos –… não exibida');
	assert.ok(lines.every((line) => [...line].length <= 80));
	// With the rows for it, the title, then the figures under it.
	const tall = tourSummaryLines(SCENES, outcomes, 'pt', 80, 40).map(plain);
	assert.deepEqual(tall.slice(15, 17), [' 8 E se precisássemos realizar 4.000 requisições HTTP?', '   sequential        118/4.000 12,1s como previsto, modelo 6m40s']);
});
