import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import type {View} from '../../source/frontends/controller.js';
import {Dashboard} from '../../source/ui/dashboard.js';
import {setLang} from '../../source/i18n/catalogue.js';
import * as f from './fixtures.js';
import {assertFits} from './helpers.js';
import {renderAt} from './render-at.js';

const at = (view: View, width: number, height: number, showHelp = false): string => {
	const {lastFrame, unmount} = renderAt(<Dashboard view={view} width={width} height={height} color={false} showHelp={showHelp} />, width, height);
	const frame = lastFrame();
	unmount();
	return frame;
};

const views: Array<[string, View]> = [
	['processes', f.view(f.processes)],
	['processes-threads', f.view(f.processesThreads)],
	['async', f.view(f.asyncLoop)],
	['16 lanes', f.view(f.sixteen, {notice: 'cannot change concurrency in threads mode'})],
	['compare', f.view(f.asyncLoop, {compare: f.compare})],
	['demo', f.view(f.demoProcesses)],
	['demo 4×4', f.view(f.demoProcessesThreads)],
	['starting', f.view(null)],
	['compare, no snapshot yet', f.view(null, {compare: f.compare})],
];

test('80×24: the compact layout fills the screen and never overflows it', () => {
	for (const [name, view] of views) {
		for (const showHelp of [false, true]) {
			const frame = at(view, 80, 24, showHelp);
			assertFits(frame, 80, 24);
			assert.equal(frame.split('\n').length, 24, name);
		}
	}
});

test('160×48: the wide layout fills the screen and never overflows it', () => {
	for (const [name, view] of views) {
		for (const showHelp of [false, true]) {
			const frame = at(view, 160, 48, showHelp);
			assertFits(frame, 160, 48);
			assert.equal(frame.split('\n').length, 48, name);
		}
	}
});

test('every size from 60×16 up fits', () => {
	for (const [width, height] of [
		[60, 16],
		[79, 23],
		[119, 40],
		[120, 30],
		[132, 43],
		[200, 60],
	] as const) {
		for (const [, view] of views) {
			assertFits(at(view, width, height), width, height);
		}
	}
});

test('80×24, processes mid-run', () => {
	assert.equal(
		at(f.view(f.demoProcesses), 80, 24),
		[
			'concviz  processes  io · n=400 · T=100ms · P=2                   ▸ running  6.2s',
			'━━━━━━━━━━━━━━━━━─────────────────────────────────────── 124/400  31%  ETA 14.1s',
			'lanes ──── -6s ─────────────── -4s ─────────────── -2s ─────────────── now tasks',
			'     ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░',
			'p0   ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░    61',
			'     ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░',
			'     ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░████░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░',
			'',
			'     ░░░░░░░█░░░░░░░░░░░░███░░░░░░░░░░░░░██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░',
			'p1   ░░░░░░░█░░░░░░░░░░░░███░░░░░░░░░░░░░██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░    60',
			'     ░░░░░░░█░░░░░░░░░░░░███░░░░░░░░░░░░░██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░',
			'     ░░░░░░░█░░░░░░░░░░░░███░░░░░░░░░░░░░██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░',
			'█ computing  ░ waiting on I/O  ▒ waiting for the GIL  ▓ cpu+GIL  · idle  × dead',
			'look for 2 lanes (P), one request each; latency-bound; watch ░ in the lanes',
			'',
			'',
			'cpu ──────────────────────────── 23%  requests ─────────────────────── mean 19/s',
			'cpu0 ████▎            28% ▃▃▂▁▂▂▂▂▃▃  in flight  2  peak 2',
			'cpu1 █▊               12% ▃▂▃▂▃▄▂▂▂▂  throughput 20/s ███▇▇███████▇█████████████',
			'cpu2 ▎                 2% ▂▂▁▃▁▁▁▁▁▁  latency    p50 101ms  p90 104ms  p99 112ms',
			'cpu3 ███████▌         50% ▂▂▃▁▁▂▅▅▅▅  failed     3  status 500 ×2  timeout ×1',
			'client 0.04 of 4 cores                start-up   312ms  peak rss 123 MB',
			'model n·T/P = 400·100ms/2 = 20.0s   measured 6.2s so far   latency-bound',
			'1-6 mode  w work  +/- workers  n count  space pause  c compare  q quit  ? more',
		].join('\n'),
	);
});

test('160×48, processes × threads 4×4 on 8 cores: lanes wide on the left, CPU, requests and model on the right', () => {
	assert.equal(
		at(f.view(f.demoProcessesThreads), 160, 48),
		[
			'concviz  processes-threads  io · n=4,000 · T=100ms · P=4 × Th=4 · GIL off                                                                       ▸ running  11.1s',
			'━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━─────────────────────────────────────────────────────────────────────────── 1,720/4,000  43%  ETA 14.4s',
			'lanes ───── -8s ─────────────── -6s ─────────────── -4s ─────────────── -2s ─────────────── now tasks  cpu ────────────────────────────────────────────────── 7%',
			'p0┬t0 ░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░█░░░░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   105  cpu0 ██▎                            8% ▁▂▁▂▂▁▂▂▂▁▂▂▂▂▂▁▁▂',
			'  │   ░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░█░░░░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░        cpu1 █▍                             5% ▂▂▁▁▁▂▂▂▁▂▂▁▂▁▁▂▂▁',
			'  ├t1 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   112  cpu2 ███▏                          11% ▂▂▁▁▂▁▁▁▁▂▁▂▁▁▁▁▂▁',
			'  │   ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░        cpu3 ▉                              3% ▁▁▁▁▂▁▁▂▁▁▁▂▂▂▁▁▁▂',
			'  ├t2 ░░░█░░░░░░░░░░░░░░░░░░░░░░█░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░░░░░░░░░░░░░░░░   110  cpu4 █▋                             6% ▂▁▁▂▂▁▁▁▂▁▁▂▁▁▂▁▂▂',
			'  │   ░░░█░░░░░░░░░░░░░░░░░░░░░░█░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░░░░░░░░░░░░░░░░        cpu5 ██▌                            9% ▂▁▂▁▁▂▂▁▂▂▁▁▂▂▁▁▂▂',
			'  └t3 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░░███░░░░██░░░░░░░░░░░░░░░░░███░   108  cpu6 █▏                             4% ▂▂▁▁▂▂▁▁▁▁▂▁▂▁▁▂▁▂',
			'      ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░░███░░░░██░░░░░░░░░░░░░░░░░███░        cpu7 ██                             7% ▁▂▁▂▂▁▁▁▂▂▂▁▂▂▂▂▁▂',
			'p1┬t0 ██░░░░░░░░░░░░░░░░░░░░░░░█░░░░░░░░░░░█░░░░░░░░░██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░   106  client 0.21 of 8 cores · machine run mean 6%',
			'  │   ██░░░░░░░░░░░░░░░░░░░░░░░█░░░░░░░░░░░█░░░░░░░░░██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░',
			'  ├t1 ░░░░░░░░░░░░░░░░░░██░█░░░░░░░░████░░░░░░░░██░░░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   113  requests ───────────────────────────────────── mean 156/s',
			'  │   ░░░░░░░░░░░░░░░░░░██░█░░░░░░░░████░░░░░░░░██░░░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░        in flight  16  peak 16',
			'  ├t2 ░███░░░░░░░░░█░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   111  throughput 158/s ██████▇███████████████████████████▇█████',
			'  │   ░███░░░░░░░░░█░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░        latency    p50 101ms  p90 104ms  p99 112ms  max 130ms',
			'  └t3 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░░███░░░░░░░░░░░░░░░░░░   109  failed     8  status 500 ×6  ECONNRESET ×2',
			'      ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░░███░░░░░░░░░░░░░░░░░░        start-up   486ms  peak rss 123 MB',
			'p2┬t0 ░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░   107',
			'  │   ░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░        model ───────────────────────────── predicted vs measured',
			'  ├t1 ░████░░░░░░░░░██░░░░░░░░░░███░░░░░░░░░░░░░██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░█░░░░░░░░░░░░░   105  latency    n·T/(P·Th) = 4,000·100ms/(4·4) = 25.0s',
			'  │   ░████░░░░░░░░░██░░░░░░░░░░███░░░░░░░░░░░░░██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░█░░░░░░░░░░░░░        measured   11.1s so far',
			'  ├t2 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░█░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░   112  bound by   network latency',
			'  │   ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░█░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░',
			'  └t3 ░░░░░░░░░░█░░░░░░░█░░░░██░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░░░░░░░██░░   110',
			'      ░░░░░░░░░░█░░░░░░░█░░░░██░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░░░░░░░██░░',
			'p3┬t0 ░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░░░░░█░░░░░░░░░░░░░░░░░░░░░░░░██░░░░░░░░░   108',
			'  │   ░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░░░░░█░░░░░░░░░░░░░░░░░░░░░░░░██░░░░░░░░░',
			'  ├t1 ██░░░░░░░░█░░░░░█░░░░░░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░██░░░░░░░░   106',
			'  │   ██░░░░░░░░█░░░░░█░░░░░░░░░░░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░███░░░░░░░░██░░░░░░░░',
			'  ├t2 ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░███░░░░░░░░░░██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░█░░█░░░   113',
			'  │   ░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░██░███░░░░░░░░░░██░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░█░░█░░░',
			'  └t3 ░░░░░░░░░░░░░░███░░░░░░░░░██░░░███░░░░░░░░░░░██░░░░░░░░█░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░   111',
			'      ░░░░░░░░░░░░░░███░░░░░░░░░██░░░███░░░░░░░░░░░██░░░░░░░░█░░░███░░░░░░░░░░░░░░░░░░░░░░░░░░░',
			'█ computing   ░ waiting on I/O   ▒ waiting for the GIL   ▓ computing and GIL wait   · idle   × dead',
			'',
			'look for 16 lanes (P·Th), one request each; latency-bound; watch ░ in the lanes',
			'',
			"the model's terms ─────────────────────────────────────────────────────────────── the larger predicts",
			'latency   ██████████████████████████████████████████████████████████████████████████████████    25.0s',
			'so far    ████████████████████████████████████▍                                                 11.1s',
			'',
			'',
			'',
			'',
			'',
			'1-6 mode  w work  +/- workers  n count  r restart  space pause  c compare  g GIL  ? help  q quit',
		].join('\n'),
	);
});

test('too small: one line, then the dashboard again when the terminal grows', () => {
	const {lastFrame, rerender} = render(<Dashboard view={f.view(f.processes)} width={50} height={12} color={false} showHelp={false} />);
	assert.equal(lastFrame(), 'concviz needs at least 60×16 — now 50×12');
	rerender(<Dashboard view={f.view(f.processes)} width={60} height={15} color={false} showHelp={false} />);
	assert.equal(lastFrame(), 'concviz needs at least 60×16 — now 60×15');
	rerender(<Dashboard view={f.view(f.processes)} width={80} height={24} color={false} showHelp={false} />);
	assert.equal(lastFrame()?.split('\n').length, 24);
	assert.match(lastFrame() ?? '', /^concviz {2}processes/);
});

test('help replaces the body with every key and what to look for in each mode', () => {
	const frame = at(f.view(f.sixteen), 80, 24, true);
	const lines = frame.split('\n');
	assert.equal(lines[2], 'keys ───────────────────────────────────────────────────────────────────────────');
	assert.equal(lines[3], '1-6   switch mode (see below)            space pause / resume');
	assert.equal(lines[7], 'n     requests 4 → 400 → 4k → 400k → 4M  q     quit (Ctrl+C too)');
	assert.ok(lines.includes('▸3 threads           W lanes, each waiting; start-up, memory measured; ≈ n·T/W'), lines.join('\n'));
	assert.ok(lines.includes(' 1 sequential        one lane, mostly ░ waiting; CPU near zero; time ≈ n·T'));
});

test('the hint under the lanes lasts the whole run, at 80×24 and 160×48, and gives the lanes only its own row', () => {
	const hints = (snapshot: typeof f.sixteen, width: number, height: number): string[] =>
		at(f.view(snapshot), width, height).split('\n').filter((line) => line.startsWith('look for '));
	for (const status of ['running', 'paused', 'done', 'cancelled'] as const) {
		for (const [width, height] of [[80, 24], [160, 48]] as const) {
			assert.deepEqual(hints({...f.sixteen, status}, width, height), ['look for 16 lanes (W), one request each; latency-bound; watch ░ in the lanes'], `${status} at ${width}×${height}`);
		}
	}

	// 16 lanes at 80×24: ten of them and `+6 more`, the legend, the hint, then the panels.
	const lines = at(f.view(f.sixteen), 80, 24).split('\n');
	assert.deepEqual(lines.slice(12, 17).map((line) => line.slice(0, 10)), [
		't9        ',
		'+6 more  ░',
		'█ computin',
		'look for 1',
		'cpu ──────',
	]);
});

test('before the first snapshot: the run from the config, starting', () => {
	const lines = at(f.view(null), 80, 24).split('\n');
	assert.equal(lines[0], 'concviz  processes  io · n=400 · T=100ms · P=2                  ◌ starting  0.0s');
	assert.equal(lines[3], '  starting workers…');
	assert.equal(lines[5], '  look for P lanes, each still waiting; start-up, memory measured; ≈ n·T/P');
});

test('while a run is prepared, the screen says what it waits for: a calibration, the server, a pilot of its pool', () => {
	const line = (preparing: View['preparing']): string => at(f.view(null, {preparing}), 80, 24).split('\n')[3]!;
	assert.equal(line({phase: 'kernel'}), '  calibrating the CPU kernel…');
	assert.equal(line({phase: 'server'}), '  starting the embedded server…');
	assert.equal(line({phase: 'client'}), '  calibrating what a request costs the client and the server…');
	assert.equal(line({phase: 'pilot', requests: 16_000}), '  pilot: 16,000 requests to measure this pool\'s waits (not part of the run)…');
	assert.equal(line({phase: 'burst', requests: 800}), '  burst: 800 requests of the first rounds on fresh lanes (not part of the run)…');
});

test('the δ note under the model fits an 80×24 screen in one line', () => {
	const noted = {...f.processes, status: 'done', model: {...f.processes.model, note: 'δ {wait}: what each request waited past T for busy cores (a pilot measured it)', noteParams: {wait: '45ms'}}} as const;
	const lines = at(f.view(noted), 80, 24).split('\n');
	assert.ok(lines.includes('! δ 45ms: what each request waited past T for busy cores (a pilot measured it)'), lines.join('\n'));
});

test('--lang pt: the δ note fits an 80×24 screen in one line too', () => {
	setLang('pt');
	try {
		const noted = {...f.processes, status: 'done', model: {...f.processes.model, note: 'δ {wait}: what each request waited past T for busy cores (a pilot measured it)', noteParams: {wait: '45ms'}}} as const;
		const lines = at(f.view(noted), 80, 24).split('\n');
		assert.ok(lines.includes('! δ 45ms: espera além de T por núcleos ocupados, medida por um piloto'), lines.join('\n'));
	} finally {
		setLang('en');
	}
});
