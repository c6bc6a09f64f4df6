import assert from 'node:assert/strict';
import {test} from 'node:test';
import {SCENES, sceneConfig} from '../../source/tour/scenes.js';
import {parseOptions} from '../../source/cli/options.js';

test('the scenes follow the talk, in its order', () => {
	assert.deepEqual(SCENES.map((s) => s.id), [
		'problem', 'processes', 'threads', 'four-thousand', 'processes-threads', 'millions',
		'async', 'processes-async', 'cpu-bound', 'gil', 'leaderboard',
	]);
	assert.deepEqual(SCENES.map((s) => s.compare ? 'compare' : `${s.preset.mode} ${s.preset.work} ${s.preset.requests}`), [
		'sequential io 4', 'processes io 4', 'threads io 4', 'sequential io 4000', 'processes-threads io 4000',
		'processes-threads io 4000000', 'async io 4000', 'processes-async io 400000', 'async cpu 200', 'threads cpu 20', 'compare',
	]);
});

test('every scene has a title and one or two caption lines in both languages', () => {
	for (const scene of SCENES) {
		assert.ok(scene.title.pt && scene.title.en, scene.id);
		assert.ok(scene.lines.length >= 1 && scene.lines.length <= 2, scene.id);
		for (const line of scene.lines) {
			assert.ok(line.pt.length > 0 && line.en.length > 0, scene.id);
			assert.notEqual(line.pt, line.en, scene.id);
		}
	}
});

test('runs too long for a talk are bounded: 4,000 sequential requests, the larger counts, the blocking modes of the leaderboard', () => {
	const bounded = SCENES.filter((s) => s.boundSeconds !== undefined).map((s) => s.id);
	assert.deepEqual(bounded, ['four-thousand', 'processes-threads', 'millions', 'processes-async', 'leaderboard']);
});

test('the GIL scene: two threads whose tasks hold the GIL for three frames each, so the hand-over shows in the lanes', () => {
	const gil = SCENES.find((s) => s.id === 'gil')!;
	assert.deepEqual([gil.preset.workers, gil.preset.cpuMs, gil.preset.gil], [2, 300, true]);
	assert.match(gil.lines[0]!.en, /see █ pass from t0 to t1/);
});

test('the closing leaderboard: 4,000 requests at C=100 a loop, as aiohttp\'s connector', () => {
	const last = SCENES.at(-1)!;
	assert.deepEqual([last.compare, last.preset.requests, last.preset.concurrency], [true, 4000, 100]);
});

test('scene 6 says what n does', () => {
	const millions = SCENES.find((s) => s.id === 'millions')!;
	assert.match(millions.lines[1]!.en, /^Press n to start again with the next N \(4 → 4,000 → 400,000 → 4,000,000\)\.$/);
	assert.match(millions.lines[1]!.pt, /^Tecle n para recomeçar com o próximo N/);
});

test('a scene config is the command line with the preset on top (the GIL only where the scene asks)', () => {
	const base = parseOptions({latency: '50', gil: true}, ['tour'], {}, () => 1).config;
	const threads = sceneConfig(SCENES[2]!, base);
	assert.equal(threads.mode, 'threads');
	assert.equal(threads.workers, 4);
	assert.equal(threads.latency, 50);
	assert.equal(threads.gil, false);
	assert.equal(sceneConfig(SCENES.find((s) => s.id === 'gil')!, base).gil, true);
});

test('every caption fits its three rows at 80 and 100 columns, in both languages', async () => {
	const {wrap} = await import('../../source/ui/text/text.js');
	for (const lang of ['en', 'pt'] as const) {
		for (const scene of SCENES) {
			const texts = scene.lines.map((line) => line[lang]);
			if (scene.boundSeconds !== undefined) {
				texts.push(lang === 'en' ? 'Bounded run: it stops after 12 s; the model line extrapolates all 4,000,000.' : 'Execução limitada: para após 12 s; a linha do modelo extrapola as 4.000.000.');
			}

			for (const width of [80, 100]) {
				assert.ok(texts.flatMap((text) => wrap(text, width - 2)).length <= 3, `${scene.id} ${lang} at ${width}`);
			}
		}
	}
});

test('the cost captions of scenes 2 and 3 point at the start-up line the stats panel shows at 100×30', () => {
	for (const lang of ['en', 'pt'] as const) {
		const lines = [SCENES[1]!, SCENES[2]!].flatMap((scene) => scene.lines.map((line) => line[lang]));
		assert.ok(lines.every((line) => !line.includes('peak rss')), lines.join('\n'));
	}

	assert.match(SCENES[1]!.lines.at(-1)!.pt, /inicialização e MB por processo/);
	assert.match(SCENES[2]!.lines.at(-1)!.en, /start-up and MB a thread/);
});
