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
		'processes-threads io 4000000', 'async io 4000', 'processes-async io 400000', 'async cpu 200', 'threads cpu 200', 'compare',
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

test('runs too long for a talk are bounded: 4,000 sequential requests and the larger counts', () => {
	const bounded = SCENES.filter((s) => s.boundSeconds !== undefined).map((s) => s.id);
	assert.deepEqual(bounded, ['four-thousand', 'processes-threads', 'millions', 'processes-async']);
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
	const {wrap} = await import('../../source/ui/text.js');
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
