import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {refusalOf} from '../../../source/config/config-cycle.js';
import {MODES, type Mode} from '../../../source/config/config.js';
import {setLang} from '../../../source/i18n/catalogue.js';
import {HelpBar} from '../../../source/ui/panels/help-bar.js';
import {KEY_HELP, takes} from '../../../source/ui/hooks/keys.js';

const frame = (width: number, mode: Mode, notice = ''): string => render(<HelpBar width={width} notice={notice} mode={mode} color={false} />).lastFrame() ?? '';

/** The bar at 80, 100 and 160 columns for each mode: every key the mode takes, or as many as fit and `? more`. */
const BARS: Readonly<Record<Mode, readonly [string, string, string]>> = {
	sequential: [
		'1-6 mode  w work  n count  r restart  space pause  c compare  ? help  q quit',
		'1-6 mode  w work  n count  r restart  space pause  c compare  ? help  q quit',
		'1-6 mode  w work  n count  r restart  space pause  c compare  ? help  q quit',
	],
	processes: [
		'1-6 mode  w work  +/- workers  n count  space pause  c compare  q quit  ? more',
		'1-6 mode  w work  +/- workers  n count  r restart  space pause  c compare  ? help  q quit',
		'1-6 mode  w work  +/- workers  n count  r restart  space pause  c compare  ? help  q quit',
	],
	threads: [
		'1-6 mode  w work  +/- workers  n count  space pause  g GIL  q quit  ? more',
		'1-6 mode  w work  +/- workers  n count  r restart  space pause  c compare  g GIL  ? help  q quit',
		'1-6 mode  w work  +/- workers  n count  r restart  space pause  c compare  g GIL  ? help  q quit',
	],
	'processes-threads': [
		'1-6 mode  w work  +/- workers  n count  space pause  g GIL  q quit  ? more',
		'1-6 mode  w work  +/- workers  n count  r restart  space pause  c compare  g GIL  ? help  q quit',
		'1-6 mode  w work  +/- workers  n count  r restart  space pause  c compare  g GIL  ? help  q quit',
	],
	async: [
		'1-6 mode  w work  [/] conc  n count  space pause  c compare  q quit  ? more',
		'1-6 mode  w work  [/] conc  n count  r restart  space pause  c compare  ? help  q quit',
		'1-6 mode  w work  [/] conc  n count  r restart  space pause  c compare  ? help  q quit',
	],
	'processes-async': [
		'1-6 mode  w work  +/- workers  [/] conc  n count  space pause  q quit  ? more',
		'1-6 mode  w work  +/- workers  [/] conc  n count  r restart  space pause  c compare  ? help  q quit',
		'1-6 mode  w work  +/- workers  [/] conc  n count  r restart  space pause  c compare  ? help  q quit',
	],
};

for (const mode of MODES) {
	test(`help bar, ${mode}: the keys it takes at 80, 100 and 160 columns, or ? more`, () => {
		assert.deepEqual([80, 100, 160].map((width) => frame(width, mode)), BARS[mode]);
	});
}

test('help bar: a bar shows every key its mode takes, or ends with ? more; never a key the mode refuses', () => {
	for (const mode of MODES) {
		for (const width of [60, 80, 100, 160]) {
			const bar = frame(width, mode);
			const shown = bar.split('  ').map((item) => item.split(' ')[0]!);
			const taken = KEY_HELP.filter((key) => takes(mode, key)).map(({key}) => key);
			assert.ok(shown.every((key) => taken.includes(key)), `${mode} at ${width}: ${bar}`);
			assert.ok(bar.endsWith('? more') || taken.every((key) => shown.includes(key)), `${mode} at ${width}: ${bar}`);
			assert.ok(bar.length <= width, `${mode} at ${width}: ${bar}`);
		}
	}
});

test('help bar: a notice in place of the keys, with help and quit', () => {
	assert.equal(frame(60, 'sequential', 'the GIL applies to the thread modes (3, 4)'), '! the GIL applies to the thread modes (3, 4)  ? help  q quit');
});

test('help bar: every refusal fits 80 columns whole beside help and quit, in English and in Portuguese', () => {
	try {
		for (const lang of ['en', 'pt'] as const) {
			setLang(lang);
			for (const mode of MODES) {
				for (const type of ['workers', 'concurrency', 'toggle-gil'] as const) {
					const notice = refusalOf(mode, type);
					const bar = frame(80, mode, notice);
					assert.ok(notice === '' || (!bar.includes('…') && bar.startsWith('! ')), `${lang}, ${mode}, ${type}: ${bar}`);
				}
			}
		}
	} finally {
		setLang('en');
	}

	setLang('pt');
	try {
		assert.equal(frame(80, 'sequential', refusalOf('sequential', 'workers')), '! sequential usa 1 worker; workers valem nos modos 2, 3, 4, 6    ? ajuda  q sair');
	} finally {
		setLang('en');
	}
});

test('help bar, --lang pt: mais for more, at 80 columns', () => {
	setLang('pt');
	try {
		assert.equal(frame(80, 'threads'), '1-6 modo  w carga  +/- workers  n tamanho  espaço pausa  g GIL  q sair  ? mais');
		assert.equal(frame(100, 'sequential'), '1-6 modo  w carga  n tamanho  r reiniciar  espaço pausa  c comparar  ? ajuda  q sair');
	} finally {
		setLang('en');
	}
});
