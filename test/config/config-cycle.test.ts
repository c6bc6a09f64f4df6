import {test} from 'node:test';
import assert from 'node:assert/strict';
import {applyCommand, CONCURRENCY_STEPS, MAX_WORKERS, REQUEST_STEPS} from '../../source/config/config-cycle.js';
import type {RunConfig} from '../../source/config/config.js';
import type {Command} from '../../source/frontends/controller.js';
import {config as base} from '../ui/fixtures.js';

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
	{
		name: '+ in sequential keeps the count for later and says why nothing restarts',
		from: {mode: 'sequential', workers: 2},
		command: {type: 'workers', delta: 1},
		to: {workers: 3},
		restart: false,
		notice: 'sequential runs one worker; workers apply to the other modes',
	},
	{name: '] steps concurrency up in async', from: {mode: 'async', concurrency: 1000}, command: {type: 'concurrency', delta: 1}, to: {concurrency: 2000}, restart: true},
	{name: '[ steps concurrency down', from: {mode: 'processes-async', concurrency: 1000}, command: {type: 'concurrency', delta: -1}, to: {concurrency: 500}, restart: true},
	{name: '] stops at the last step', from: {mode: 'async', concurrency: CONCURRENCY_STEPS.at(-1)!}, command: {type: 'concurrency', delta: 1}, to: {}, restart: false},
	{
		name: '] outside the async modes says where it applies',
		from: {mode: 'threads', concurrency: 1000},
		command: {type: 'concurrency', delta: 1},
		to: {concurrency: 2000},
		restart: false,
		notice: 'concurrency applies to the async modes (5, 6)',
	},
	...REQUEST_STEPS.map((step, i): Row => ({
		name: `n cycles ${step} → ${REQUEST_STEPS[(i + 1) % REQUEST_STEPS.length]!}`,
		from: {requests: step},
		command: {type: 'cycle-requests'},
		to: {requests: REQUEST_STEPS[(i + 1) % REQUEST_STEPS.length]!},
		restart: true,
	})),
	{name: 'n from a count between steps goes to the next step', from: {requests: 400}, command: {type: 'cycle-requests'}, to: {requests: 4000}, restart: true},
	{name: 'n past the last step wraps to the first', from: {requests: 5_000_000}, command: {type: 'cycle-requests'}, to: {requests: 4}, restart: true},
	{name: 'g toggles the GIL in a thread mode', from: {mode: 'threads', gil: false}, command: {type: 'toggle-gil'}, to: {gil: true}, restart: true},
	{
		name: 'g elsewhere keeps the toggle and says where it applies',
		from: {mode: 'async', gil: true},
		command: {type: 'toggle-gil'},
		to: {gil: false},
		restart: false,
		notice: 'GIL off: it serialises CPU work in the thread modes (3, 4)',
	},
	{name: 'r restarts with the same config', from: {}, command: {type: 'restart'}, to: {}, restart: true},
	{name: 'space changes nothing here', from: {}, command: {type: 'toggle-pause'}, to: {}, restart: false},
	{name: 'c changes nothing here', from: {}, command: {type: 'compare'}, to: {}, restart: false},
	{name: 'q changes nothing here', from: {}, command: {type: 'quit'}, to: {}, restart: false},
];

for (const row of rows) {
	test(`applyCommand: ${row.name}`, () => {
		const from: RunConfig = {...base, ...row.from};
		const change = applyCommand(from, row.command);
		assert.deepEqual(change, {config: {...from, ...row.to}, restart: row.restart, notice: row.notice ?? ''});
	});
}

test('applyCommand never mutates the config it is given', () => {
	const from: RunConfig = Object.freeze({...base});
	for (const row of rows) {
		applyCommand(from, row.command);
	}

	assert.deepEqual(from, base);
});
