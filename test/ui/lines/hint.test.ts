import {test} from 'node:test';
import assert from 'node:assert/strict';
import {MODES, type Mode, type Work} from '../../../source/config/config.js';
import {setLang} from '../../../source/i18n/catalogue.js';
import type {ModelSnapshot, RunInfo} from '../../../source/metrics/snapshot.js';
import {hintLine} from '../../../source/ui/lines/hint.js';
import {modelLines} from '../../../source/ui/lines/model-lines.js';
import {processes} from '../fixtures.js';

const plain = (line: readonly {text: string}[]): string => line.map((s) => s.text).join('');

const run = (mode: Mode, work: Work = 'io', extra: Partial<RunInfo> = {}): RunInfo => ({...processes.run, mode, work, workers: 4, threads: 2, concurrency: 500, requested: 4000, ...extra});
const bound = (b: ModelSnapshot['bound']): ModelSnapshot => ({...processes.model, bound: b});
const hint = (r: RunInfo, model: ModelSnapshot = bound('latency'), width = 160, startup: Parameters<typeof hintLine>[0]['startup'] = null): string =>
	plain(hintLine({run: r, model, startup, width}));

test('hint: the lanes from the mode’s facts and knobs, the model’s bound and where it shows, for every mode', () => {
	const rows: Readonly<Record<Mode, readonly [io: string, cpu: string]>> = {
		sequential: ['1 lane, one request at a time; latency-bound; watch ░ in the lanes', '1 lane; cpu-bound; watch the cores'],
		processes: ['4 lanes (P), one request each; latency-bound; watch ░ in the lanes', '4 lanes (P); cpu-bound; watch the cores'],
		threads: ['4 lanes (W), one request each; latency-bound; watch ░ in the lanes', '4 lanes (W); cpu-bound; watch the cores'],
		'processes-threads': ['8 lanes (P·Th), one request each; latency-bound; watch ░ in the lanes', '8 lanes (P·Th); cpu-bound; watch the cores'],
		async: ['1 loop, 500 in flight (C); latency-bound; watch in flight', '1 loop, one task at a time; cpu-bound; watch the cores'],
		'processes-async': ['4 loops (P), 2,000 in flight (P·C); latency-bound; watch in flight', '4 loops (P), one task at a time each; cpu-bound; watch the cores'],
	};
	for (const mode of MODES) {
		assert.deepEqual([hint(run(mode, 'io')), hint(run(mode, 'cpu'), bound('cpu'))], rows[mode].map((text) => `look for ${text}`), mode);
	}
});

test('hint: each bound points where it shows; the GIL’s ▒ where it serialises CPU work', () => {
	assert.equal(hint(run('async'), bound('loop')), "look for 1 loop, 500 in flight (C); loop-bound; watch the loop's elu");
	assert.equal(hint(run('processes-async'), bound('loop')), "look for 4 loops (P), 2,000 in flight (P·C); loop-bound; watch each loop's elu");
	assert.equal(hint(run('threads'), bound('cpu')), 'look for 4 lanes (W), one request each; cpu-bound; watch the cores');
	assert.equal(hint(run('sequential'), bound('rate')), 'look for 1 lane, one request at a time; rate-bound; watch sent and late');
	assert.equal(hint(run('threads', 'cpu', {gil: true}), bound('cpu')), 'look for 4 lanes (W); cpu-bound; watch ▒ in the lanes');
	assert.equal(hint(run('processes-threads', 'mixed', {gil: true})), 'look for 8 lanes (P·Th), one request each; latency-bound; watch ▒ in the lanes');
	// The GIL is no part of the I/O's time, nor of a mode without threads in a process.
	assert.equal(hint(run('threads', 'io', {gil: true})), 'look for 4 lanes (W), one request each; latency-bound; watch ░ in the lanes');
	assert.equal(hint(run('processes', 'cpu', {gil: true}), bound('cpu')), 'look for 4 lanes (P); cpu-bound; watch the cores');
});

test('hint: never more in flight than n', () => {
	assert.equal(hint(run('async', 'io', {requested: 40})), 'look for 1 loop, 40 in flight (C); latency-bound; watch in flight');
	assert.equal(hint(run('processes-async', 'io', {requested: 40})), 'look for 4 loops (P), 40 in flight (P·C); latency-bound; watch in flight');
});

test('hint: the bound it names is the one the model line names, whatever the bound', () => {
	for (const b of ['latency', 'cpu', 'loop', 'rate'] as const) {
		const model = {...bound(b), cpu: {ms: 1000, symbol: 'n·c', numbers: '4,000·1ms', bound: b === 'loop' ? 'loop' : 'cpu'}} as const;
		const line = modelLines({model, status: 'running', elapsedMs: 1000, width: 120, height: 3, variant: 'line', color: false}).map(plain).join('\n');
		const named = hint(run('async'), model).split('; ')[1]!;
		assert.ok(line.includes(named), `${named} in:\n${line}`);
	}
});

test('hint: a worker’s measured cost where it fits, beside the other kind’s once measured; parts leave from the end on a short line', () => {
	const thread = {kind: 'thread', workers: 4, perWorkerMs: 51, perWorkerBytes: 16 * 1_048_576} as const;
	const process = {kind: 'process', workers: 4, perWorkerMs: 103, perWorkerBytes: 60 * 1_048_576} as const;
	assert.equal(hint(run('threads'), bound('latency'), 160, thread), 'look for 4 lanes (W), one request each; latency-bound; watch ░ in the lanes; 51ms & 16 MB a thread');
	assert.equal(
		hint(run('threads', 'io', {otherStartup: process}), bound('latency'), 160, thread),
		'look for 4 lanes (W), one request each; latency-bound; watch ░ in the lanes; 51ms & 16 MB a thread, 103ms & 60 MB a process',
	);
	assert.equal(hint(run('threads', 'io', {otherStartup: process}), bound('latency'), 80, thread), 'look for 4 lanes (W), one request each; latency-bound; watch ░ in the lanes');
	assert.equal(hint(run('processes-async'), bound('loop'), 70), 'look for 4 loops (P), 2,000 in flight (P·C); loop-bound');
	assert.equal(hint(run('processes-async'), bound('loop'), 50), "look for loop-bound; watch each loop's elu");
	assert.equal(hint(run('processes-async'), bound('loop'), 30), 'look for loop-bound; watch ea…');
});

test('hint, --lang pt: every part in Portuguese', () => {
	setLang('pt');
	try {
		assert.equal(hint(run('processes')), 'observe 4 faixas (P), uma requisição em cada; limitado por latência; veja o ░ nas faixas');
		assert.equal(hint(run('sequential'), bound('cpu')), 'observe 1 faixa, uma requisição por vez; limitado por cpu; veja os núcleos');
		assert.equal(hint(run('async'), bound('loop')), 'observe 1 loop, 500 em voo (C); limitado por loop; veja o uso do loop');
		assert.equal(hint(run('processes-async', 'cpu'), bound('cpu')), 'observe 4 loops (P), uma tarefa por vez em cada; limitado por cpu; veja os núcleos');
		assert.equal(hint(run('threads', 'cpu', {gil: true}), bound('cpu')), 'observe 4 faixas (W); limitado por cpu; veja o ▒ nas faixas');
		assert.equal(hint(run('async', 'cpu'), bound('cpu')), 'observe 1 loop, uma tarefa por vez; limitado por cpu; veja os núcleos');
		assert.equal(hint(run('processes-async'), bound('loop')), 'observe 4 loops (P), 2.000 em voo (P·C); limitado por loop; veja o uso de cada loop');
		assert.equal(hint(run('sequential'), bound('rate')), 'observe 1 faixa, uma requisição por vez; limitado por rate; veja enviadas e atrasadas');
	} finally {
		setLang('en');
	}
});
