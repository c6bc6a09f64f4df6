import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {render} from 'ink-testing-library';
import {setLang} from '../../source/i18n/catalogue.js';
import {formatSummaryParagraph} from '../../source/reporters/plain.js';
import {helpBarLine} from '../../source/ui/help-bar.js';
import {helpLines} from '../../source/ui/help.js';
import {Legend} from '../../source/ui/legend.js';
import {result} from '../ui/fixtures.js';

const plain = (line: readonly {text: string}[]): string => line.map((s) => s.text).join('').trimEnd();

afterEach(() => {
	setLang('en');
});

test('--lang pt: the legend in the talk’s words', () => {
	setLang('pt');
	assert.equal(render(<Legend width={120} color={false} />).lastFrame(), '█ computando   ░ esperando I/O   ▒ esperando o GIL   ▓ computando e esperando o GIL   · ociosa   × morta');
	setLang('en');
	assert.equal(render(<Legend width={120} color={false} />).lastFrame(), '█ computing   ░ waiting on I/O   ▒ waiting for the GIL   ▓ computing and GIL wait   · idle   × dead');
});

test('--lang pt: the help bar and the help screen', () => {
	setLang('pt');
	assert.equal(plain(helpBarLine(80, '')), '1-6 modo  +/- workers  r reiniciar  space pausa  c comparar  ? ajuda  q sair');
	const help = helpLines({mode: 'sequential', width: 80, height: 30}).map(plain);
	assert.match(help[0]!, /^teclas ─+$/);
	assert.ok(help.includes('▸1 sequential        uma faixa, quase só ░ esperando; CPU ociosa; tempo ≈ n·T'), help.join('\n'));
	assert.ok(help.some((line) => line.startsWith('o que observar ─')));
});

test('--lang pt: the summary left on screen', () => {
	setLang('pt');
	assert.match(formatSummaryParagraph(result('threads', 2000, 2000, 0.05)), /^threads, io: [\d,]+\/[\d,]+ feitas \(\d+ falharam, \d+ canceladas\) em 2\.0s, previsto 2\.0s; .* CPU 5% de \d+ núcleos?; inicialização \S+\.$/);
});
