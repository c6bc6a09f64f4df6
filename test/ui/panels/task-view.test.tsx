import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import type {TaskCell, TaskSnapshot} from '../../../source/metrics/task-slices.js';
import {Dashboard} from '../../../source/ui/dashboard.js';
import {TaskView} from '../../../source/ui/panels/task-view.js';
import {keyToCommand} from '../../../source/ui/hooks/keys.js';
import {helpBarLine} from '../../../source/ui/panels/help-bar.js';
import * as f from '../fixtures.js';
import {assertFits} from '../helpers.js';

const codes: Record<string, TaskCell> = {r: 'run', p: 'part', w: 'wait', ' ': 'none'};
const task = (id: number, worker: number, pattern: string, ms: number | null): TaskSnapshot => ({
	task: id, worker, start: 0, end: ms, outcome: ms === null ? null : 'completed', runs: [], cells: [...pattern].map((ch) => codes[ch]!),
});

// Two processes on CPU work: tasks █ in the same columns on p0 and p1 (parallelism).
const cpuLanes = [f.lane(0, 'cccccccccc'), f.lane(1, 'cccccccccc')];
const cpuTasks = [
	task(0, 0, 'rrr       ', 300),
	task(1, 1, 'rrr       ', 300),
	task(2, 0, '   rrrr   ', 400),
	task(3, 1, '   rrrr   ', 400),
	task(4, 0, '       rrr', null),
	task(5, 1, '       rrr', null),
];

test('processes on CPU work: a row per task, labelled with its id and worker, █ in the same columns on two cores', () => {
	const {lastFrame} = render(<TaskView tasks={cpuTasks} lanes={cpuLanes} mode="processes" width={50} height={7} secondsPerSlice={0.1} color={false} />);
	assert.equal(lastFrame(), [
		'tasks ─── -1s ─────── -500ms ────────── now   took',
		'#0 p0        █████████                       300ms',
		'#1 p1        █████████                       300ms',
		'#2 p0                 ████████████           400ms',
		'#3 p1                 ████████████           400ms',
		'#4 p0                             █████████      …',
		'#5 p1                             █████████      …',
		'█ on a core  ▌ part of it  ░ waiting',
	].join('\n'));
});

test('the most recent tasks that fit, newest at the bottom; async: overlapping ░ bars on one loop, a thin ▌ where each ran', () => {
	const loop = [f.lane(0, 'iiiiiiiiii', {elu: 0.1})];
	const tasks = [0, 1, 2, 3, 4].map((i) => task(i, 0, `${' '.repeat(i)}wwwwp${' '.repeat(5 - i)}`.slice(0, 10), 500));
	const {lastFrame} = render(<TaskView tasks={tasks} lanes={loop} mode="async" width={40} height={4} secondsPerSlice={0.1} color={false} />);
	assert.equal(lastFrame(), [
		'tasks ─── -1s ─────────────── now   took',
		'#2 loop          ░░░░░░░░▌▌        500ms',
		'#3 loop            ░░░░░░░░▌▌      500ms',
		'#4 loop              ░░░░░░░░▌▌    500ms',
		'█ on a core  ▌ part of it  ░ waiting',
	].join('\n'));
});

test('v switches the dashboard between the lanes and the task view, on the key bar, at 80×24 and 160×48', () => {
	assert.equal(keyToCommand('v', {}), 'tasks');
	assert.match(f.stripAnsi(helpBarLine(200, '', 'processes').map((s) => s.text).join('')), /v tasks/);
	const snapshot = {...f.processes, lanes: cpuLanes, tasks: cpuTasks};
	for (const [width, height] of [[80, 24], [160, 48]] as const) {
		const {lastFrame} = render(<Dashboard view={f.view(snapshot)} width={width} height={height} color={false} showHelp={false} taskView />);
		const frame = lastFrame()!;
		assertFits(frame, width, height);
		assert.match(frame, /tasks ─/);
		assert.match(frame, /#5 p1 /);
		assert.doesNotMatch(frame, /lanes ─/);
	}
});
