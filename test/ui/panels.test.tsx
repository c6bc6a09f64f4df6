import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {Cpu} from '../../source/ui/panels/cpu-panel.js';
import {Header} from '../../source/ui/panels/header.js';
import {Model} from '../../source/ui/panels/model-panel.js';
import {Stats} from '../../source/ui/panels/stats.js';
import {TooSmall} from '../../source/ui/too-small.js';
import * as f from './fixtures.js';

const frame = (element: React.ReactElement): string => render(element).lastFrame() ?? '';

test('cpu: a bar per core with its % and history, and the client in cores', () => {
	assert.equal(
		frame(<Cpu cpu={f.cpu4} width={40} height={6} color={false} />),
		[
			'cpu ──────────────────────────────── 23%',
			'cpu0 ████▊              28% ▂▂▃▃',
			'cpu1 ██                 12% ▂▂▂▂',
			'cpu2 ▍                   2% ▁▁▁▁',
			'cpu3 ████████▌          50% ▅▅▅▅',
			'client 0.04 of 4 cores',
		].join('\n'),
	);
});

test('cpu: fewer rows than cores gives columns of bars, then a strip', () => {
	assert.equal(
		frame(<Cpu cpu={f.cpu4} width={40} height={4} color={false} />),
		[
			'cpu ──────────────────────────────── 23%',
			'cpu0 ██▌        28%  cpu2 ▏           2%',
			'cpu1 █▏         12%  cpu3 ████▌      50%',
			'client 0.04 of 4 cores',
		].join('\n'),
	);
	assert.equal(
		frame(<Cpu cpu={f.cpu4} width={20} height={4} color={false} />),
		['cpu ──────────── 23%', 'cores ▃▂▁▅', 'client 0.04 of 4 co…'].join('\n'),
	);
});

test("model line: both terms with the run's numbers, the measured time and the bound", () => {
	const running = <Model model={f.processes.model} elapsedMs={6200} status="running" width={80} height={2} variant="line" color={false} />;
	assert.equal(frame(running), 'model n·T/P = 400·100ms/2 = 20.0s   measured 6.2s so far   latency-bound');
	const done = <Model model={f.processes.model} elapsedMs={20_900} status="done" width={80} height={2} variant="line" color={false} />;
	assert.equal(frame(done), 'model n·T/P = 400·100ms/2 = 20.0s   measured 20.9s (+5%)   latency-bound');
	const note = <Model model={f.asyncLoop.model} elapsedMs={31_500} status="running" width={80} height={2} variant="line" color={false} />;
	assert.equal(
		frame(note),
		[
			'model latency n·T/C + C·c₀ = 400,000·100ms/1,000 + 1,000·160µs = 40.2s',
			'      loop    n·c = 400,000·140µs = 56.0s   measured 31.5s so far   loop-bound',
		].join('\n'),
	);
	const gil = {...f.asyncLoop.model, note: 'the GIL lets one thread compute at a time'};
	const over = <Model model={gil} elapsedMs={58_100} status="done" width={80} height={3} variant="line" color={false} />;
	assert.equal(
		frame(over),
		[
			'model latency n·T/C + C·c₀ = 400,000·100ms/1,000 + 1,000·160µs = 40.2s',
			'      loop    n·c = 400,000·140µs = 56.0s   measured 58.1s (+4%)   loop-bound',
			'! the GIL lets one thread compute at a time',
		].join('\n'),
	);
	// Narrower: the numbers go first, then the verdict.
	const narrow = <Model model={f.asyncLoop.model} elapsedMs={31_500} status="running" width={62} height={2} variant="line" color={false} />;
	assert.equal(
		frame(narrow),
		[
			'model latency n·T/C + C·c₀ = 40.2s',
			'      loop    n·c = 56.0s   measured 31.5s so far   loop-bound',
		].join('\n'),
	);
});

test('model block: a titled panel with both terms wrapped', () => {
	const block = <Model model={f.asyncLoop.model} elapsedMs={31_500} status="running" width={50} height={9} variant="block" color={false} />;
	assert.equal(
		frame(block),
		[
			'model ────────────────────── predicted vs measured',
			'latency    n·T/C + C·c₀ = 400,000·100ms/1,000 +',
			'           1,000·160µs = 40.2s',
			'loop       n·c = 400,000·140µs = 56.0s',
			'measured   31.5s so far',
			"bound by   the event loop's CPU",
		].join('\n'),
	);
});

test('stats: in flight and peak, throughput with history, latency, failures by reason, start-up', () => {
	assert.equal(
		frame(<Stats snapshot={f.processes} width={44} height={6} color={false} />),
		[
			'requests ───────────────────────── mean 19/s',
			'in flight  2  peak 2',
			'throughput 20/s ▁▃▅▇██████',
			'latency    p50 101ms  p90 104ms  p99 112ms',
			'failed     3  status 500 ×2  timeout ×1',
			'start-up   312ms  peak rss 123 MB',
		].join('\n'),
	);
});

test('stats: a failure reason too long for the panel loses its code, then its tail', () => {
	const failures = (reasons: Array<[string, number]>) => ({...f.processes, failed: 3, failures: reasons});
	const lineOf = (snapshot: typeof f.processes): string => frame(<Stats snapshot={snapshot} width={44} height={6} color={false} />).split('\n')[4]!;
	assert.equal(lineOf(failures([['connection reset (ECONNRESET)', 2], ['timeout', 1]])), 'failed     3  connection reset ×2');
	assert.equal(lineOf(failures([['redirect to a non-HTTP URL refused', 3]])), 'failed     3  redirect to a non-HTTP URL… ×3');
});

test('header: the ETA says what it is based on when it is a tenth off what the model has left', () => {
	const second = (modelLeftMs: number): string =>
		frame(<Header run={f.processes.run} status="running" elapsedMs={6200} done={124} etaMs={30_000} throughput={9.2} modelLeftMs={modelLeftMs} tag="" width={80} color={false} />).split('\n')[1]!;
	assert.match(second(28_000), / 124\/400 {2}31% {2}ETA 30\.0s$/);
	assert.match(second(14_000), / 124\/400 {2}31% {2}ETA 30\.0s at 9\.2\/s$/);
});

test('header: mode, workload, n, T, workers, status, clock; progress with ETA', () => {
	const header = (
		<Header run={f.processes.run} status="running" elapsedMs={6200} done={124} etaMs={14_100} tag="" width={80} color={false} />
	);
	assert.equal(
		frame(header),
		[
			'concviz  processes  io · n=400 · T=100ms · P=2                   ▸ running  6.2s',
			'━━━━━━━━━━━━━━━━━─────────────────────────────────────── 124/400  31%  ETA 14.1s',
		].join('\n'),
	);
	const cpu = <Header run={{...f.processes.run, work: 'cpu'}} status="running" elapsedMs={6200} done={124} etaMs={14_100} tag="" width={80} color={false} />;
	assert.equal(frame(cpu).split('\n')[0], 'concviz  processes  cpu 10ms · n=400 · P=2                       ▸ running  6.2s', 'CPU work sends no request: no T');
	const threads = {...f.processesThreads.run, gil: true, work: 'cpu' as const};
	const paused = <Header run={threads} status="paused" elapsedMs={61_000} done={400} etaMs={null} tag="compare 4/6" width={80} color={false} />;
	assert.equal(
		frame(paused),
		[
			' processes-threads  cpu 10ms P=2 × Th=2 GIL on      compare 4/6  ‖ paused  1m01s',
			'━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 400/400  100%  ETA —',
		].join('\n'),
	);
	const done = <Header run={threads} status="done" elapsedMs={61_000} done={400} etaMs={null} tag="" width={60} color={false} />;
	assert.equal(
		frame(done),
		[
			' processes-threads  cpu 10ms P=2 × Th=2 GIL …  ✓ done  1m01s',
			'━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 400/400  100%',
		].join('\n'),
	);
});

test('too small: one line asking for room', () => {
	assert.equal(frame(<TooSmall width={50} height={12} color={false} />), 'concviz needs at least 60×16 — now 50×12');
	assert.equal(frame(<TooSmall width={20} height={12} color={false} />), 'concviz needs at le…');
});
