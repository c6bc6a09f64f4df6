import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {render} from 'ink-testing-library';
import {setLang} from '../../source/i18n/catalogue.js';
import {formatLeaderboardLines, formatSummaryParagraph} from '../../source/reporters/plain.js';
import {captionLines} from '../../source/tour/caption.js';
import {SCENES} from '../../source/tour/scenes.js';
import type {SceneOutcome} from '../../source/tour/outcome.js';
import {tourSummaryLines} from '../../source/tour/summary.js';
import {Cpu} from '../../source/ui/panels/cpu-panel.js';
import {Header} from '../../source/ui/panels/header.js';
import {Help} from '../../source/ui/panels/help-panel.js';
import {Leaderboard} from '../../source/ui/panels/leaderboard.js';
import {Model} from '../../source/ui/panels/model-panel.js';
import {Stats} from '../../source/ui/panels/stats.js';
import type {Snapshot} from '../../source/metrics/snapshot.js';
import * as f from '../ui/fixtures.js';

const frame = (element: React.ReactElement): string => render(element).lastFrame() ?? '';
const plain = (line: readonly {text: string}[]): string => line.map((s) => s.text).join('').trimEnd();

afterEach(() => {
	setLang('en');
});

/** Four requests that all failed before any answer: nothing timed, so no latency to show. */
const unanswered: Snapshot = {
	...f.processes,
	completed: 0,
	failed: 4,
	failures: [['ECONNREFUSED', 4]],
	latency: {p50: 0, p90: 0, p99: 0, max: 0, mean: 0, count: 0},
	throughput: 9.2,
	meanThroughput: 9.2,
};

test('--lang pt: the header writes 4.000, 11,1s and 14,4s', () => {
	setLang('pt');
	const s = f.demoProcessesThreads;
	assert.equal(
		frame(<Header run={s.run} status="running" elapsedMs={11_100} done={1720} etaMs={14_400} tag="" width={80} color={false} />),
		[
			' processes-threads  io n=4.000 P=4 × Th=4 GIL desligado      ▸ executando  11,1s',
			'━━━━━━━━━━━━━━━━━━━━━──────────────────────────── 1.720/4.000  43%  faltam 14,4s',
		].join('\n'),
	);
	const cpu = {...f.asyncLoop.run, work: 'cpu', cpuMs: 2.5} as const;
	assert.match(frame(<Header run={cpu} status="running" elapsedMs={0} done={0} etaMs={null} tag="" width={80} color={false} />), /^concviz {2}async {2}cpu 2,5ms · n=400\.000 · C=1\.000 .* 0,0s\n/);
});

test('one rounding rule for one figure: a run of 135 ms reads 135ms in the header and beside measured', () => {
	const header = frame(<Header run={f.asyncLoop.run} status="done" elapsedMs={135} done={400_000} etaMs={null} tag="" width={80} color={false} />);
	assert.equal(header.split('\n')[0], 'concviz  async  io · n=400,000 · T=100ms · C=1,000                 ✓ done  135ms');
	const model = frame(<Model model={f.processes.model} elapsedMs={135} status="done" width={80} height={2} variant="line" color={false} />);
	assert.equal(model, 'model n·T/P = 400·100ms/2 = 20.0s   measured 135ms (−99%)   latency-bound');
	setLang('pt');
	const pt = frame(<Header run={f.asyncLoop.run} status="done" elapsedMs={135} done={400_000} etaMs={null} tag="" width={80} color={false} />);
	assert.equal(pt.split('\n')[0], 'concviz  async  io · n=400.000 · T=100ms · C=1.000            ✓ concluído  135ms');
});

test('--lang pt: the requests panel writes 6.790/s and 1.000; no answer yet reads —, as the JSON’s null', () => {
	setLang('pt');
	assert.equal(
		frame(<Stats snapshot={f.asyncLoop} width={60} height={6} color={false} />),
		[
			'requisições ────────────────────────────────── média 6.790/s',
			'em voo        900  pico 1.000',
			'vazão         6.980/s ▇█████',
			'latência      p50 101ms  p90 104ms  p99 112ms  max 130ms',
			'falharam      0',
			'inicialização 312ms  pico rss 123 MB',
		].join('\n'),
	);
	assert.equal(
		frame(<Stats snapshot={unanswered} width={60} height={6} color={false} />),
		[
			'requisições ──────────────────────────────────── média 9,2/s',
			'em voo        2  pico 2',
			'vazão         9,2/s ▁▃▅▇██████',
			'latência      —',
			'falharam      4  ECONNREFUSED ×4',
			'inicialização 312ms  pico rss 123 MB',
		].join('\n'),
	);
	setLang('en');
	assert.equal(frame(<Stats snapshot={unanswered} width={60} height={6} color={false} />).split('\n')[3], 'latency    —');
});

test('--lang pt: the client’s CPU reads 0,07 de 2 núcleos', () => {
	setLang('pt');
	const cpu = {...f.cpu4, client: 0.07, cores: 2, perCore: [0.28, 0.12], history: [[0.1], [0.2]]};
	assert.equal(
		frame(<Cpu cpu={cpu} width={60} height={4} color={false} />),
		[
			'cpu ──────────────────────────────────────────────────── 20%',
			'cpu0 ████████▏                      28% ▂',
			'cpu1 ███▌                           12% ▂',
			'cliente 0,07 de 2 núcleos · média da máquina na execução 15%',
		].join('\n'),
	);
});

test('--lang pt: the model’s formulas with 400.000, 1.000 and 40,2s, as a line and as a panel', () => {
	setLang('pt');
	const props = {model: f.asyncLoop.model, elapsedMs: 31_500, status: 'running', width: 80, color: false} as const;
	assert.equal(
		frame(<Model {...props} height={2} variant="line" />),
		[
			'modelo latência n·T/C + C·c₀ = 400.000·100ms/1.000 + 1.000·160µs = 40,2s',
			'       loop    n·c = 56,0s   medido 31,5s até agora   limitado por loop',
		].join('\n'),
	);
	assert.equal(
		frame(<Model {...props} height={8} variant="block" />),
		[
			'modelo ────────────────────────────────────────────────────── previsto vs medido',
			'latência   n·T/C + C·c₀ = 400.000·100ms/1.000 + 1.000·160µs = 40,2s',
			'loop       n·c = 400.000·140µs = 56,0s',
			'medido     31,5s até agora',
			'limitado por CPU do loop de eventos',
		].join('\n'),
	);
	const unknown = {...f.processes.model, predictedMs: Number.NaN, formula: 'n·T/P = 4,000·T/2 (T unknown until the first response)', latency: null};
	assert.equal(frame(<Model {...props} model={unknown} height={1} variant="line" />), 'modelo n·T/P = 4.000·T/2 (T desconhecido até a primeira resposta)');
	const noted = {...f.processes.model, note: 'other work kept {cores} of {of} cores busy (the model counts on free cores)', noteParams: {cores: '1.2', of: '2'}};
	assert.equal(frame(<Model {...props} model={noted} height={2} variant="line" />).split('\n')[1], '! outro trabalho manteve 1,2 de 2 núcleos ocupados (o modelo conta com núcleos …');
});

test('--lang pt: the leaderboard writes 40,2s, ×3,9 and 9,9, and says how many modes are done', () => {
	setLang('pt');
	assert.equal(
		frame(<Leaderboard compare={f.compare} width={80} height={8} color={false} />),
		[
			'comparar ─────────────────────────────────────────────── 4 de 6 modos concluídos',
			'  modo              tempo total, mesma escala         req/s   cpu  modelo    dif',
			'  sequential        ███████████████████ 40,2s           9,9    1%   40,0s    +1%',
			'  processes         ████▉ 10,3s ×3,9                     39    3%   10,0s    +3%',
			'  threads           ████▊ 10,1s ×4,0                     40    2%   10,0s    +1%',
			'★ processes-threads █▎ 2,6s ×15                         152    5%    2,5s    +6%',
			'▸ async             executando…',
			'  processes-async   ·',
		].join('\n'),
	);
	const done = {...f.compare, running: null, results: [...f.compare.results, f.result('async', 450, 400, 0.25), f.result('processes-async', 210, 200, 0.9)]};
	assert.match(frame(<Leaderboard compare={done} width={80} height={2} color={false} />), /^comparar ─+ os 6 modos concluídos\n/);
	assert.deepEqual(formatLeaderboardLines(f.compare.results), [
		'sequential         40,2s  9,9 req/s  previsto 40,0s',
		'processes          10,3s   39 req/s  previsto 10,0s',
		'threads            10,1s   40 req/s  previsto 10,0s',
		'processes-threads   2,6s  152 req/s  previsto 2,5s',
	]);
});

test('--lang pt: the summary left after quitting writes 3.990/4.000, 9,2 req/s, 2,4ms and 1,2 de 2 núcleos', () => {
	setLang('pt');
	const result = {...f.result('threads', 2000, 2000, 0.05), requested: 4000, completed: 3990, failed: 10, failures: {'status 500': 10}, requestsPerSecond: 9.2, latencyMs: {p50: 2.44, p90: 3, p99: 101.4, max: 130}};
	const model = {formula: 'n·T/W = 4,000·100ms/2 = 200.0s', note: 'other work kept {cores} of {of} cores busy (the model counts on free cores)', noteParams: {cores: '1.2', of: '2'}};
	assert.equal(
		formatSummaryParagraph(result, model),
		'threads, io: 3.990/4.000 feitas (10 falharam, 0 canceladas) em 2,0s, previsto 2,0s (n·T/W, limitado por latência da rede); 9,2 req/s, p50 2,4ms, p99 101ms; falhas: status 500 ×10; CPU 5% de 4 núcleos; inicialização 40ms; outro trabalho manteve 1,2 de 2 núcleos ocupados (o modelo conta com núcleos livres).',
	);
});

test('--lang pt: the tour’s summary writes 4.000, 12,1s and 13h53m; its bounded caption 4.000', () => {
	const outcomes: (SceneOutcome | undefined)[] = SCENES.map(() => undefined);
	outcomes[0] = {kind: 'run', mode: 'sequential', work: 'io', requested: 4, done: 4, elapsedMs: 412, predictedMs: 400, bounded: false};
	outcomes[3] = {kind: 'run', mode: 'sequential', work: 'io', requested: 4000, done: 118, elapsedMs: 12_050, predictedMs: 400_000, bounded: true};
	outcomes[4] = {kind: 'run', mode: 'processes', work: 'io', requested: 4000, done: 520, elapsedMs: 8100, predictedMs: 12_000, bounded: false, left: true};
	outcomes[6] = {kind: 'run', mode: 'async', work: 'io', requested: 4_000_000, done: 4_000_000, elapsedMs: 49_980_000, predictedMs: 49_000_000, bounded: false};
	outcomes[10] = {kind: 'compare', requested: 4000, ranking: [{mode: 'async', ms: 1450, extrapolated: false}, {mode: 'sequential', ms: 401_100, extrapolated: true}]};
	assert.deepEqual(tourSummaryLines(SCENES, outcomes, 'pt', 100).map(plain), [
		'concviz tour: 11 cenas, cada número medido nesta máquina',
		' 1 Sequencial – 4 URLs            sequential        4/4 412ms, modelo 400ms',
		' 2 Múltiplos processos – 4 URLs,… não exibida',
		' 3 Múltiplas threads – 4 URLs, 4… não exibida',
		' 4 E se precisássemos realizar 4… sequential        118/4.000 12,1s como previsto, modelo 6m40s',
		' 5 Múltiplos processos e múltipl… processes         520/4.000 8,1s, modelo 12,0s · interrompida',
		' 6 E se fossem 400.000 ou 4.000.… não exibida',
		' 7 I/O assíncrono – um loop de e… async             4.000.000/4.000.000 13h53m, modelo 13h37m',
		' 8 E 400.000 URLs? Múltiplos pro… não exibida',
		' 9 CPU bound: a lição se inverte  não exibida',
		'10 O GIL do Python                não exibida',
		'11 Placar final: os seis modelos  n=4.000: async 1,5s primeiro, sequential ≈6m41s último',
	]);
	const bounded = SCENES.find((scene) => scene.boundSeconds !== undefined)!;
	const tour = {state: {index: 3, count: SCENES.length}, scene: bounded, nextAt: null} as unknown as Parameters<typeof captionLines>[0]['tour'];
	const caption = captionLines({tour, lang: 'pt', width: 100, height: 30, now: 0}).map(plain).join(' ');
	assert.match(caption, /Execução limitada: para após 12 s; a linha do modelo extrapola as 4\.000\./);
});

test('--lang pt: the help screen', () => {
	setLang('pt');
	assert.equal(
		frame(<Help mode="threads" requestSteps={[4, 400, 4000, 400_000, 4_000_000]} width={80} height={17} color={false} />),
		[
			'teclas ─────────────────────────────────────────────────────────────────────────',
			'1-6    trocar de modo (veja abaixo)      espaço pausar / continuar',
			'w      carga io → cpu → mixed            c      comparar todos os modos',
			'+/-    workers +1 / −1                   g      GIL liga/desliga (threads)',
			'[/]    concorrência −/+ (async)          ?      esta ajuda (de novo para fechar)',
			'n      tamanho 4 → 400 → 4k → 400k → 4M  q      sair (Ctrl+C também)',
			'r      reiniciar a execução',
			'o que observar ─────────────────────────────────────────────────────────────────',
			' 1 sequential        uma faixa, quase só ░ esperando; CPU ociosa; tempo ≈ n·T',
			' 2 processes         P faixas, cada uma ainda esperando; inicialização e memóri…',
			'▸3 threads           W faixas, cada uma esperando; inicialização e memória medi…',
			' 4 processes-threads P×Th faixas agrupadas por processo; tempo ≈ n·T/(P·Th)',
			' 5 async             uma faixa, C em voo; ≈ n·T/C, ou a CPU do loop se maior',
			' 6 processes-async   um loop por núcleo: a resposta para 400.000+ URLs',
			'  w → cpu            paralelismo precisa de núcleos: async e sequencial usam um',
			'  g  GIL             trabalho de CPU em threads é serializado, como no CPython',
		].join('\n'),
	);
});
