import {test} from 'node:test';
import assert from 'node:assert/strict';
import {accepts, applyCommand, CONCURRENCY_STEPS, MAX_WORKERS, requestCycle} from '../../source/config/config-cycle.js';
import {MODES, type Mode, type RunConfig} from '../../source/config/config.js';
import type {Command} from '../../source/view/contract.js';
import {config as base} from '../ui/fixtures.js';

/** The count the session started with (base.requests). */
const START = 400;

type Row = {
	readonly name: string;
	readonly from: Partial<RunConfig>;
	readonly command: Command;
	/** The fields the command changes; every other field stays as it was. */
	readonly to: Partial<RunConfig>;
	readonly restart: boolean;
	readonly notice?: string;
};

const rows: readonly Row[] = [
	{name: 'a mode key switches mode and restarts', from: {mode: 'processes'}, command: {type: 'mode', mode: 'async'}, to: {mode: 'async'}, restart: true},
	{name: 'w cycles io → cpu', from: {work: 'io'}, command: {type: 'cycle-work'}, to: {work: 'cpu'}, restart: true},
	{name: 'w cycles cpu → mixed', from: {work: 'cpu'}, command: {type: 'cycle-work'}, to: {work: 'mixed'}, restart: true},
	{name: 'w cycles mixed → io', from: {work: 'mixed'}, command: {type: 'cycle-work'}, to: {work: 'io'}, restart: true},
	{name: '+ adds a worker where workers apply', from: {mode: 'threads', workers: 2}, command: {type: 'workers', delta: 1}, to: {workers: 3}, restart: true},
	{name: '- removes a worker', from: {mode: 'processes', workers: 2}, command: {type: 'workers', delta: -1}, to: {workers: 1}, restart: true},
	{name: '- never goes below one worker', from: {mode: 'processes', workers: 1}, command: {type: 'workers', delta: -1}, to: {}, restart: false},
	{name: '+ stops at MAX_WORKERS', from: {mode: 'processes', workers: MAX_WORKERS}, command: {type: 'workers', delta: 1}, to: {}, restart: false},
	{name: '] steps concurrency up in async', from: {mode: 'async', concurrency: 1000}, command: {type: 'concurrency', delta: 1}, to: {concurrency: 2000}, restart: true},
	{name: '[ steps concurrency down', from: {mode: 'processes-async', concurrency: 1000}, command: {type: 'concurrency', delta: -1}, to: {concurrency: 500}, restart: true},
	{name: '] stops at the last step', from: {mode: 'async', concurrency: CONCURRENCY_STEPS.at(-1)!}, command: {type: 'concurrency', delta: 1}, to: {}, restart: false},
	{name: 'g toggles the GIL in a thread mode', from: {mode: 'threads', gil: false}, command: {type: 'toggle-gil'}, to: {gil: true}, restart: true},
	{name: 'g toggles it back in processes-threads', from: {mode: 'processes-threads', gil: true}, command: {type: 'toggle-gil'}, to: {gil: false}, restart: true},
	{name: 'n from a count past the last step wraps to the first', from: {requests: 5_000_000}, command: {type: 'cycle-requests'}, to: {requests: 4}, restart: true},
	{name: 'r restarts with the same config', from: {}, command: {type: 'restart'}, to: {}, restart: true},
	{name: 'space changes nothing here', from: {}, command: {type: 'toggle-pause'}, to: {}, restart: false},
	{name: 'c changes nothing here', from: {}, command: {type: 'compare'}, to: {}, restart: false},
	{name: 'q changes nothing here', from: {}, command: {type: 'quit'}, to: {}, restart: false},
];

for (const row of rows) {
	test(`applyCommand: ${row.name}`, () => {
		const from: RunConfig = {...base, ...row.from};
		const change = applyCommand(from, row.command, START);
		assert.deepEqual(change, {config: {...from, ...row.to}, restart: row.restart, notice: row.notice ?? ''});
	});
}

/** Every key that turns a knob, with the command it sends. */
const KNOBS: readonly (readonly [key: string, command: Command])[] = [
	['+', {type: 'workers', delta: 1}],
	['-', {type: 'workers', delta: -1}],
	['[', {type: 'concurrency', delta: -1}],
	[']', {type: 'concurrency', delta: 1}],
	['g', {type: 'toggle-gil'}],
];

/** The keys each mode refuses, and why: the mode's facts (P or W for workers, a loop for C, threads in a process for the GIL). */
const REFUSED: Readonly<Record<Mode, Readonly<Record<string, string>>>> = {
	sequential: {
		'+': 'sequential runs one worker; workers apply to modes 2, 3, 4, 6',
		'-': 'sequential runs one worker; workers apply to modes 2, 3, 4, 6',
		'[': 'concurrency applies to the async modes (5, 6)',
		']': 'concurrency applies to the async modes (5, 6)',
		g: 'the GIL applies to the thread modes (3, 4)',
	},
	processes: {
		'[': 'concurrency applies to the async modes (5, 6)',
		']': 'concurrency applies to the async modes (5, 6)',
		g: 'the GIL applies to the thread modes (3, 4)',
	},
	threads: {'[': 'concurrency applies to the async modes (5, 6)', ']': 'concurrency applies to the async modes (5, 6)'},
	'processes-threads': {'[': 'concurrency applies to the async modes (5, 6)', ']': 'concurrency applies to the async modes (5, 6)'},
	async: {
		'+': 'async runs one worker; workers apply to modes 2, 3, 4, 6',
		'-': 'async runs one worker; workers apply to modes 2, 3, 4, 6',
		g: 'the GIL applies to the thread modes (3, 4)',
	},
	'processes-async': {g: 'the GIL applies to the thread modes (3, 4)'},
};

for (const mode of MODES) {
	for (const [key, command] of KNOBS) {
		const why = REFUSED[mode][key];
		// Knobs set away from their limits and steps, so an accepted key always changes them.
		const from: RunConfig = {...base, mode, workers: 4, concurrency: 500, gil: false};
		if (why === undefined) {
			test(`applyCommand: ${mode} takes ${key}, changes its knob and restarts`, () => {
				const change = applyCommand(from, command, START);
				assert.notDeepEqual(change.config, from);
				assert.deepEqual([change.restart, change.notice, accepts(mode, command.type)], [true, '', true]);
			});
		} else {
			test(`applyCommand: ${mode} refuses ${key}: nothing changes, and the notice says why`, () => {
				const change = applyCommand(from, command, START);
				assert.equal(change.config, from, 'the very config it was given');
				assert.deepEqual(change, {config: from, restart: false, notice: why});
				assert.equal(accepts(mode, command.type), false);
			});
		}
	}
}

test('applyCommand: a refused key leaves nothing for the next mode (C in threads, P in async)', () => {
	const inThreads = applyCommand({...base, mode: 'threads', concurrency: 1000}, {type: 'concurrency', delta: -1}, START).config;
	assert.equal(applyCommand(inThreads, {type: 'mode', mode: 'async'}, START).config.concurrency, 1000);
	const inAsync = applyCommand({...base, mode: 'async', workers: 2}, {type: 'workers', delta: 1}, START).config;
	assert.equal(applyCommand(inAsync, {type: 'mode', mode: 'processes'}, START).config.workers, 2);
});

test('n cycles in order through the talk’s sizes and the starting count: 400 → 4,000 → 400,000 → 4,000,000 → 4 → 400', () => {
	assert.deepEqual(requestCycle(400), [4, 400, 4000, 400_000, 4_000_000]);
	const seen = [START];
	let from: RunConfig = {...base, requests: START};
	for (let i = 0; i < 5; i++) {
		const change = applyCommand(from, {type: 'cycle-requests'}, START);
		assert.equal(change.restart, true);
		from = change.config;
		seen.push(from.requests);
	}

	assert.deepEqual(seen, [400, 4000, 400_000, 4_000_000, 4, 400]);
});

test('n: a starting count on a step or past the last adds none or one', () => {
	assert.deepEqual(requestCycle(4000), [4, 4000, 400_000, 4_000_000]);
	assert.deepEqual(requestCycle(5_000_000), [4, 4000, 400_000, 4_000_000, 5_000_000]);
	assert.equal(applyCommand({...base, requests: 4_000_000}, {type: 'cycle-requests'}, 5_000_000).config.requests, 5_000_000);
	assert.equal(applyCommand({...base, requests: 5_000_000}, {type: 'cycle-requests'}, 5_000_000).config.requests, 4);
});

test('applyCommand never mutates the config it is given', () => {
	const from: RunConfig = Object.freeze({...base});
	for (const row of rows) {
		applyCommand(from, row.command, START);
	}

	assert.deepEqual(from, base);
});
