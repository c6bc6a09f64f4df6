import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {Lanes} from '../../../source/ui/panels/lanes-panel.js';
import {Legend} from '../../../source/ui/panels/legend.js';
import * as f from '../fixtures.js';
import {assertFits} from '../helpers.js';

test('processes: two thick lanes, newest slice at the right, task counts', () => {
	const {lastFrame} = render(
		<Lanes lanes={f.processes.lanes} mode="processes" width={40} height={8} secondsPerSlice={0.1} color={false} />,
	);
	assert.equal(
		lastFrame(),
		[
			'lanes ──── -2s ─────────────── now tasks',
			'     ░░░░░░░░░░░░░░░░░░░░░░░░░░█░░',
			'p0   ░░░░░░░░░░░░░░░░░░░░░░░░░░█░░    10',
			'     ░░░░░░░░░░░░░░░░░░░░░░░░░░█░░',
			'',
			'     ░░░░░░░░░░░░░░░░░░░░░░░░░░░░█',
			'p1   ░░░░░░░░░░░░░░░░░░░░░░░░░░░░█    20',
			'     ░░░░░░░░░░░░░░░░░░░░░░░░░░░░█',
		].join('\n'),
	);
});

test('processes × threads: thread lanes grouped under their process; a run of 8 slices zoomed to fill the width', () => {
	const {lastFrame} = render(
		<Lanes lanes={f.processesThreads.lanes} mode="processes-threads" width={40} height={5} secondsPerSlice={0.1} color={false} />,
	);
	assert.equal(
		lastFrame(),
		[
			'lanes ────── -500ms ────────── now tasks',
			'p0┬t0     ░░░░░░░░░░░░░░░░░░░░░░░░    10',
			'  └t1     ░░░░░░░░░███░░░░░░░░░░░░    20',
			'p1┬t0     ░░░░░░░░░░░░░░░░░░░░░███    30',
			'  └t1     ░░░░░░░░░░░░░░░░░░░░░×××    40',
		].join('\n'),
	);
});

test('processes × threads with room: bands keep the process tree joined', () => {
	const {lastFrame} = render(
		<Lanes lanes={f.processesThreads.lanes} mode="processes-threads" width={30} height={12} secondsPerSlice={null} color={false} />,
	);
	assert.equal(
		lastFrame(),
		[
			'lanes ─────────── time → tasks',
			'p0┬t0   ░░░░░░░░░░░░░░░░    10',
			'  │     ░░░░░░░░░░░░░░░░',
			'  │',
			'  └t1   ░░░░░░██░░░░░░░░    20',
			'        ░░░░░░██░░░░░░░░',
			'',
			'p1┬t0   ░░░░░░░░░░░░░░██    30',
			'  │     ░░░░░░░░░░░░░░██',
			'  │',
			'  └t1   ░░░░░░░░░░░░░░××    40',
			'        ░░░░░░░░░░░░░░××',
		].join('\n'),
	);
});

test('async: one loop lane with its busy share (elu), the share of it on a core, and requests in flight', () => {
	const {lastFrame} = render(<Lanes lanes={f.asyncLoop.lanes} mode="async" width={60} height={4} secondsPerSlice={0.1} color={false} />);
	assert.equal(
		lastFrame(),
		[
			'lanes ───── -2s ─────────────── now   tasks   elu  in flight',
			'                  ███████░█████████',
			'loop              ███████░█████████ 214,000   83%        900',
			'                  ███████░█████████           97%  on a core',
		].join('\n'),
	);
});

test('threads under the GIL: █ passes from t0 to t1 and back, never both at once; a hand-over inside a slice is ▓ on both', () => {
	const lanes = [f.lane(0, 'cccgggcccggsc', {process: 0, thread: 0, pid: 7}), f.lane(1, 'gggcccgggccsg', {process: 0, thread: 1, pid: 7})];
	const {lastFrame} = render(<Lanes lanes={lanes} mode="threads" width={60} height={6} secondsPerSlice={0.1} color={false} />);
	assert.equal(
		lastFrame(),
		[
			'lanes ────────────── -1s ─────── -500ms ────────── now tasks',
			't0             █████████▒▒▒▒▒▒▒▒▒█████████▒▒▒▒▒▒▓▓▓███    10',
			'               █████████▒▒▒▒▒▒▒▒▒█████████▒▒▒▒▒▒▓▓▓███',
			'',
			't1             ▒▒▒▒▒▒▒▒▒█████████▒▒▒▒▒▒▒▒▒██████▓▓▓▒▒▒    20',
			'               ▒▒▒▒▒▒▒▒▒█████████▒▒▒▒▒▒▒▒▒██████▓▓▓▒▒▒',
		].join('\n'),
	);
});

test('more lanes than rows: as many as fit, then +K more with what the rest are doing', () => {
	const {lastFrame} = render(<Lanes lanes={f.sixteen.lanes} mode="threads" width={30} height={6} secondsPerSlice={null} color={false} />);
	assert.equal(
		lastFrame(),
		[
			'lanes ─────────── time → tasks',
			't0        ░░░░░░░░░░░░██    10',
			't1        ░░░░░░░░░░░░░░    20',
			't2        ░░░░░░░░░░░░░░    30',
			't3        ░░░░░░░░░░░░░░    40',
			'+12 more  ░ 7  █ 3  ▒ 2',
		].join('\n'),
	);
});

test('a short run fills the width: 5 slices drawn 9 columns each, its axis in ms (a frame is 100 ms)', () => {
	const lanes = [f.lane(0, '.iiii')];
	const {lastFrame} = render(<Lanes lanes={lanes} mode="sequential" width={60} height={2} secondsPerSlice={0.1} color={false} />);
	assert.equal(lastFrame(), [
		'lanes ───── -400ms ────────── -200ms ───────────── now tasks',
		'main     ·········░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░░    10',
	].join('\n'));
	// Never more than MAX_ZOOM (20) columns a slice: one slice is not a bar across the screen.
	const one = render(<Lanes lanes={[f.lane(0, 'i')]} mode="sequential" width={60} height={2} secondsPerSlice={0.1} color={false} />);
	assert.equal(one.lastFrame(), [
		'lanes ─ -200ms ──────────── -100ms ─────────────── now tasks',
		`main${' '.repeat(30)}${'░'.repeat(20)}    10`,
	].join('\n'));
});

test('slices are cut to the width, keeping the newest', () => {
	const lanes = [f.lane(0, 'c'.repeat(50) + 'iiiii.x')];
	const {lastFrame} = render(<Lanes lanes={lanes} mode="threads" width={20} height={2} secondsPerSlice={null} color={false} />);
	assert.equal(lastFrame(), ['lanes ─ time → tasks', 't0   ██░░░░░·×    10'].join('\n'));
});

test('no line is ever wider than the width given, in colour or not', () => {
	for (const snapshot of [f.processes, f.processesThreads, f.asyncLoop, f.sixteen]) {
		for (const width of [20, 61, 99]) {
			for (const height of [1, 5, 30]) {
				for (const color of [false, true]) {
					const {lastFrame, unmount} = render(
						<Lanes lanes={snapshot.lanes} mode={snapshot.run.mode} width={width} height={height} secondsPerSlice={0.1} color={color} />,
					);
					assertFits(lastFrame() ?? '', width, height);
					unmount();
				}
			}
		}
	}
});

test('the legend names every glyph and shortens to fit', () => {
	const wide = render(<Legend width={120} color={false} />).lastFrame();
	assert.equal(wide, '█ computing   ░ waiting on I/O   ▒ waiting for the GIL   ▓ computing and GIL wait   · idle   × dead');
	const eighty = render(<Legend width={80} color={false} />).lastFrame();
	assert.equal(eighty, '█ computing  ░ waiting on I/O  ▒ waiting for the GIL  ▓ cpu+GIL  · idle  × dead');
	const narrow = render(<Legend width={64} color={false} />).lastFrame();
	assert.equal(narrow, '█ computing  ░ I/O wait  ▒ GIL wait  ▓ cpu+GIL  · idle  × dead');
	const tiny = render(<Legend width={40} color={false} />).lastFrame();
	assert.equal(tiny, '█ cpu ░ io ▒ gil ▓ c+g · idle × dead');
});

test('every mode renders with no lane up yet (the pool is starting)', () => {
	for (const mode of ['sequential', 'processes', 'threads', 'processes-threads', 'async', 'processes-async'] as const) {
		const {lastFrame} = render(<Lanes lanes={[]} mode={mode} width={40} height={5} secondsPerSlice={0.1} color={false} />);
		assert.match(lastFrame() ?? '', /^lanes/);
	}
});
