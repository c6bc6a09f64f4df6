import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {render} from 'ink-testing-library';
import {setLang, t, tFormula} from '../../source/i18n/catalogue.js';
import {formatSummaryParagraph} from '../../source/reporters/plain.js';
import {helpBarLine} from '../../source/ui/panels/help-bar.js';
import {helpLines} from '../../source/ui/panels/help-panel.js';
import {lessonOf} from '../../source/ui/lines/lessons.js';
import {statusLook} from '../../source/ui/lines/run-labels.js';
import {Legend} from '../../source/ui/panels/legend.js';
import {cpuLines} from '../../source/ui/panels/cpu-panel.js';
import {modelLines} from '../../source/ui/lines/model-lines.js';
import {statsLines} from '../../source/ui/panels/stats.js';
import {processes, result} from '../ui/fixtures.js';

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
	assert.equal(plain(helpBarLine(80, '', 'sequential')), '1-6 modo  w carga  n tamanho  espaço pausa  c comparar  q sair  ? mais');
	const help = helpLines({mode: 'sequential', requestSteps: [4, 400, 4000, 400_000, 4_000_000], width: 80, height: 30}).map(plain);
	assert.match(help[0]!, /^teclas ─+$/);
	assert.ok(help.includes('▸1 sequential        uma faixa, quase só ░ esperando; CPU ociosa; tempo ≈ n·T'), help.join('\n'));
	assert.ok(help.some((line) => line.startsWith('o que observar ─')));
	assert.ok(help.some((line) => line.includes('espaço pausar')), help.join('\n'));
	assert.ok(help.some((line) => line.startsWith('n      tamanho 4 → 400 → 4k → 400k → 4M ')), help.join('\n'));
});

test('--lang pt: a formula keeps its symbols and says núcleos for cores', () => {
	const formula = '(n·(c+s+m) + P·C·(c₀−c))/cores = (60,000·(80µs+45µs+2µs) + 2,000·(400µs−80µs))/2 = 4.1s';
	assert.equal(tFormula(formula), formula);
	setLang('pt');
	assert.equal(tFormula(formula), '(n·(c+s+m) + P·C·(c₀−c))/núcleos = (60,000·(80µs+45µs+2µs) + 2,000·(400µs−80µs))/2 = 4.1s');
	assert.equal(tFormula('n·c/min(W,cores,n) = 4·1ms/2'), 'n·c/min(W,núcleos,n) = 4·1ms/2');
});

test('--lang pt: the summary left on screen', () => {
	setLang('pt');
	assert.match(formatSummaryParagraph(result('threads', 2000, 2000, 0.05)), /^threads, io: [\d.]+\/[\d.]+ feitas \(\d+ falharam, \d+ canceladas\) em 2,0s, previsto 2,0s; .* CPU 5% de \d+ núcleos?; inicialização \S+\.$/);
});

test('--lang pt: every mode’s lesson on the help screen, the lesson before a run and the status words', () => {
	setLang('pt');
	const help = helpLines({mode: 'threads', requestSteps: [4, 400, 4000, 400_000, 4_000_000], width: 100, height: 30}).map(plain);
	assert.ok(help.includes(' 2 processes         P faixas, cada uma ainda esperando; inicialização e memória medidas; ≈ n·T/P'), help.join('\n'));
	assert.ok(help.includes('▸3 threads           W faixas, cada uma esperando; inicialização e memória medidas; ≈ n·T/W'), help.join('\n'));
	assert.ok(help.includes(' 5 async             uma faixa, C em voo; ≈ n·T/C, ou a CPU do loop se maior'), help.join('\n'));
	assert.equal(lessonOf('threads', 'io'), 'W faixas, cada uma esperando; inicialização e memória medidas; ≈ n·T/W');
	assert.equal(t(statusLook.done.text), '✓ concluído');
	assert.equal(t(statusLook.running.text), '▸ executando');
});

test('--lang pt: the requests, cpu and model panels label their figures in the talk’s words', () => {
	setLang('pt');
	const stats = statsLines({snapshot: processes, width: 60, height: 10}).map(plain);
	assert.match(stats[0]!, /^requisições ─+ média \S+\/s$/);
	assert.ok(stats.some((line) => /^em voo +\d+ {2}pico \d+$/.test(line)), stats.join('\n'));
	assert.ok(stats.some((line) => line.startsWith('latência ')), stats.join('\n'));
	const cpu = cpuLines({cpu: processes.cpu, width: 60, height: 6}).map(plain);
	assert.ok(cpu.some((line) => /^cliente \d+,\d\d de \d+ núcleos/.test(line)), cpu.join('\n'));
	const model = modelLines({model: processes.model, status: 'done', elapsedMs: 1000, width: 60, height: 6, variant: 'block', color: false}).map(plain);
	assert.match(model[0]!, /^modelo ─+ previsto vs medido$/);
	assert.ok(model.some((line) => line.startsWith('limitado por ')), model.join('\n'));
	setLang('en');
	assert.match(statsLines({snapshot: processes, width: 60, height: 10}).map(plain)[0]!, /^requests ─+ mean \S+\/s$/);
});
