import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import type {View} from '../../source/view/contract.js';
import {setLang} from '../../source/i18n/catalogue.js';
import {formatLeaderboardLines, formatSummaryParagraph} from '../../source/reporters/plain.js';
import {cpuLines} from '../../source/ui/panels/cpu-panel.js';
import {Dashboard} from '../../source/ui/dashboard.js';
import {TooSmall} from '../../source/ui/too-small.js';
import * as f from '../ui/fixtures.js';
import {renderAt} from '../ui/render-at.js';

afterEach(() => {
	setLang('en');
});

/** English words that must not be left on a Portuguese screen (mode names, units and symbols may stay). */
const ENGLISH = [
	'running', 'paused', 'done', 'wall time', 'one scale', 'diff', 'GIL off', 'GIL on', 'ETA', 'elu', 'other work',
	'cores busy', 'free cores', 'could not complete', 'no new tasks', 'resumes', 'waiting', 'computing', 'measured',
	'predicted', 'latency', 'requests', 'throughput', 'in flight', 'peak', 'failed', 'start-up', 'client', 'model',
	'help', 'quit', 'restart', 'compare', 'lanes', 'tasks', 'bound', 'so far', 'mean', 'idle', 'dead', 'look for',
	'keys', 'switch mode', 'of 2 cores', 'one worker', 'a thread', 'a process', 'the GIL lets',
	'does not help', 'fell behind', 'workers apply', 'applies to', 'schedule', 'sent', 'late', 'backlog', 'due', 'service',
	'starting workers', 'from the intended start', 'needs at least', 'now', 'cores',
	'calibrating', 'embedded server', 'pilot', 'part of the run', 'waited', 'busy cores',
];

function english(frame: string): string[] {
	return ENGLISH.filter((word) => new RegExp(`(^|[^\\p{L}])${word.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(frame));
}

const at = (view: View, width: number, height: number, showHelp = false): string => {
	const {lastFrame, unmount} = renderAt(<Dashboard view={view} width={width} height={height} color={false} showHelp={showHelp} />, width, height);
	const frame = lastFrame();
	unmount();
	return frame;
};

const otherWork = {...f.processes, status: 'done', model: {...f.processes.model, note: 'other work kept {cores} of {of} cores busy (the model counts on free cores)', noteParams: {cores: '1.2', of: '2'}}} as const;
const paused = {...f.asyncLoop, status: 'paused', pausedMs: 2000} as const;
/** Sequential at 20/s that cannot keep up (--rate): the schedule's lines, and the model's note. */
const rated = {
	...f.processes,
	rate: {target: 20, achieved: 10.1, late: 58, backlog: 59, service: {p50: 101, p90: 103, p99: 110, max: 114, mean: 101, count: 342}, lateSends: 40, saturated: true},
	model: {...f.processes.model, note: 'the client fell behind the schedule: {late} sends late with a slot free', noteParams: {late: '40'}},
} as const;
const views: Array<[string, View]> = [
	['--rate', f.view(rated)],
	['processes', f.view(f.processes)],
	['processes-threads', f.view(f.processesThreads)],
	['async', f.view(f.asyncLoop)],
	['16 lanes', f.view(f.sixteen)],
	['compare', f.view(f.asyncLoop, {compare: f.compare})],
	['other work', f.view(otherWork)],
	['paused', f.view(paused, {notice: 'paused: no new tasks are handed out (space resumes)'})],
	['could not complete', f.view(f.processes, {notice: 'the run could not complete: spawn ENOMEM'})],
	['gil notice', f.view(f.processes, {notice: 'the GIL applies to the thread modes (3, 4)'})],
	['workers notice', f.view(f.processes, {notice: 'sequential runs one worker; workers apply to modes 2, 3, 4, 6'})],
	['concurrency notice', f.view(f.processes, {notice: 'concurrency applies to the async modes (5, 6)'})],
	['starting', f.view(null)],
	['calibrating the kernel', f.view(null, {preparing: {phase: 'kernel'}})],
	['starting the server', f.view(null, {preparing: {phase: 'server'}})],
	['calibrating the client', f.view(null, {preparing: {phase: 'client'}})],
	['pilot', f.view(null, {preparing: {phase: 'pilot', requests: 16_000}})],
	['burst', f.view(null, {preparing: {phase: 'burst', requests: 800}})],
	['δ note', f.view({...f.processes, model: {...f.processes.model, note: 'δ {wait}: what each request waited past T for busy cores (a pilot measured it)', noteParams: {wait: '25ms'}}})],
];

test('--lang pt: no English word left on the dashboard, the leaderboard, the notices and the help, at 80×24, 100×30 and 160×48', () => {
	setLang('pt');
	for (const [name, view] of views) {
		for (const [width, height] of [[80, 24], [100, 30], [160, 48]] as const) {
			for (const help of [false, true]) {
				const frame = at(view, width, height, help);
				assert.deepEqual(english(frame), [], `${name} at ${width}×${height}${help ? ' with help' : ''}:\n${frame}`);
			}
		}
	}
});

test('--lang pt: a terminal too small, and the strip of a machine with many cores', () => {
	setLang('pt');
	const {lastFrame, unmount} = renderAt(<TooSmall width={50} height={12} color={false} />, 50, 12);
	assert.equal(lastFrame(), 'concviz precisa de ao menos 60×16 — agora 50×12');
	unmount();
	const many = {...f.cpu4, perCore: Array.from({length: 64}, () => 0.5)};
	const strip = cpuLines({cpu: many, width: 40, height: 4}).map((line) => line.map((s) => s.text).join('')).join('\n');
	assert.match(strip, /^núcleos /m, strip);
	assert.deepEqual(english(strip.replaceAll(/n·\(c\+s\)\/cores/g, '')), [], strip);
});

test('--lang pt: the summary and the leaderboard left after quitting', () => {
	setLang('pt');
	const withRate = {...f.result('sequential', 40_000, 40_000, 0.01), rate: {target: 20, achieved: 10.1, late: 58}, serviceMs: {p50: 101, p90: 103, p99: 110, max: 114}};
	const rateSummary = formatSummaryParagraph(withRate, {formula: 'n·T = 400·100ms = 40.0s', note: ''});
	assert.deepEqual(english(rateSummary), [], rateSummary);
	const summary = formatSummaryParagraph({...f.result('threads', 2000, 2000, 0.05), pausedMs: 500}, {formula: 'n·T/W = 400·100ms/2 = 20.0s', note: 'other work kept {cores} of {of} cores busy (the model counts on free cores)', noteParams: {cores: '1.2', of: '2'}});
	assert.deepEqual(english(summary), [], summary);
	assert.match(summary, /outro trabalho manteve 1,2 de 2 núcleos ocupados/);
	const board = formatLeaderboardLines(f.compare.results).join('\n');
	assert.deepEqual(english(board), [], board);
	setLang('en');
	assert.deepEqual(english(formatSummaryParagraph(f.result('threads', 2000, 2000, 0.05))).sort(), ['cores', 'done', 'failed', 'predicted', 'start-up'], 'the words are found in English');
});
