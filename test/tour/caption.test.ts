import assert from 'node:assert/strict';
import {test} from 'node:test';
import {captionLines, tourBarLine, tourHelpLines} from '../../source/tour/caption.js';
import {SCENES} from '../../source/tour/scenes.js';
import type {TourView} from '../../source/tour/tour-driver.js';
import {initialTourState} from '../../source/tour/tour-state.js';

const plain = (line: readonly {text: string}[]): string => line.map((s) => s.text).join('');

const tourAt = (index: number, nextAt: number | null = null): TourView => ({
	state: {...initialTourState(SCENES.length), index},
	scene: SCENES[index]!,
	autoplay: nextAt === null ? null : 5,
	nextAt,
	outcomes: [],
});

test('the tour bar: counter and title, the keys, and the size check when the terminal is not 100×30', () => {
	assert.equal(plain(tourBarLine({tour: tourAt(6), lang: 'en', width: 100, height: 30, now: 0})),
		` 7/15  Multiple threads – 4 URLs, 4 threads${' '.repeat(44)}→ next ← back`);
	assert.equal(plain(tourBarLine({tour: tourAt(4), lang: 'pt', width: 80, height: 24, now: 0})),
		' 5/15  Sequencial – 4 URLs  feito para 100×30, agora 80×24  → próxima ← anterior');
	// A long title leaves no room for both: the size check stays, the keys go.
	assert.equal(plain(tourBarLine({tour: tourAt(8), lang: 'en', width: 80, height: 24, now: 0})),
		' 9/15  Multiple processes and multiple threads    laid out for 100×30, now 80×24');
});

test('the tour bar under --autoplay counts down to the next scene', () => {
	assert.match(plain(tourBarLine({tour: tourAt(4, 10_000), lang: 'en', width: 100, height: 30, now: 6100})), /Sequential – 4 URLs\s+next in 4s$/);
	assert.match(plain(tourBarLine({tour: tourAt(4, 10_000), lang: 'pt', width: 100, height: 30, now: 6100})), /próxima em 4s$/);
});

test('the caption: the scene’s lines, then for a bounded scene what the bound means', () => {
	assert.deepEqual(captionLines({tour: tourAt(7), lang: 'en', width: 100, height: 30, now: 0}).map(plain), [
		'  Each with the same cost T. The sequential solution: 4000 · T.',
		'  Bounded run: it stops after 12 s; the model line extrapolates all 4,000.',
		'',
	]);
	assert.deepEqual(captionLines({tour: tourAt(7), lang: 'pt', width: 100, height: 30, now: 0}).map(plain)[1], '  Execução limitada: para após 12 s; a linha do modelo extrapola as 4.000.');
});

test('with the help open, the caption rows name the tour’s keys, in both languages, within 80 columns', () => {
	const en = tourHelpLines('en', 80).map(plain);
	assert.equal(en.length, 3);
	assert.match(en.join(' ').replaceAll(/\s+/g, ' '), /^ tour keys: → PageDown Enter next scene · ← PageUp previous · r run the scene again space pause · q end the tour/);
	assert.match(tourHelpLines('pt', 80).map(plain)[0]!, /^  teclas do tour: → PageDown Enter próxima cena/);
	for (const line of [...en, ...tourHelpLines('pt', 80).map(plain)]) {
		assert.ok([...line].length <= 80, line);
	}
});

test('the last scene offers no next: back, or q to end the tour', () => {
	assert.equal(plain(tourBarLine({tour: tourAt(14), lang: 'en', width: 100, height: 30, now: 0})),
		` 15/15  The closing leaderboard: all six models${' '.repeat(40)}← back q quit`);
	assert.match(plain(tourBarLine({tour: tourAt(14), lang: 'pt', width: 100, height: 30, now: 0})), /← anterior q sair$/);
});

test('the closing caption: the workload, the verdict from the measured ranking once every mode ran, and what ≈ means', () => {
	const ranking = (['processes-async', 'async', 'processes-threads', 'threads', 'processes', 'sequential'] as const)
		.map((mode, i) => ({mode, ms: [2300, 4300, 50_000, 200_000, 200_000, 400_000][i]!, extrapolated: i > 1}));
	const outcomes = SCENES.map((_, i) => (i === 14 ? {kind: 'compare' as const, requested: 4000, ranking} : undefined));
	const running = captionLines({tour: tourAt(14), lang: 'en', width: 100, height: 30, now: 0}).map(plain);
	assert.deepEqual(running, [
		"  The same 4,000 requests in every model, C=100 a loop (aiohttp's default).",
		"  Runs too long stop after 4 s: ≈ is the model's time for all 4,000.",
		'',
	]);
	const ended = captionLines({tour: {...tourAt(14), outcomes}, lang: 'en', width: 100, height: 30, now: 0}).map(plain);
	assert.equal(ended[1], '  Measured: processes × async 2.3s, async 4.3s, every blocking model behind.');
	assert.equal(captionLines({tour: {...tourAt(14), outcomes}, lang: 'pt', width: 80, height: 24, now: 0}).map(plain)[2],
		'  Execuções longas param após 4 s: ≈ é o tempo do modelo para as 4.000.');
});
