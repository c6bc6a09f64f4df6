import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {Command, Controller, View} from '../../source/view/contract.js';
import {App} from '../../source/ui/app.js';
import {renderDashboard} from '../../source/ui/render-dashboard.js';
import * as f from './fixtures.js';
import {Stdin, Stdout, renderAt} from './render-at.js';

function fake(initial: View) {
	let view = initial;
	const listeners = new Set<(view: View) => void>();
	const commands: Command[] = [];
	const controller: Controller = {
		getView: () => view,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		dispatch(command) {
			commands.push(command);
		},
	};
	const publish = (next: View): void => {
		view = next;
		for (const listener of listeners) {
			listener(next);
		}
	};

	return {controller, commands, publish, listeners};
}

/** Wait until `check` passes (Ink renders input and resizes asynchronously). */
async function until(check: () => void, timeoutMs = 3000): Promise<void> {
	const start = Date.now();
	for (;;) {
		try {
			check();
			return;
		} catch (error) {
			if (Date.now() - start > timeoutMs) {
				throw error;
			}

			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	}
}

test('the app draws the view at the terminal size and follows new views and resizes', async () => {
	const {controller, publish} = fake(f.view(null));
	const app = renderAt(<App controller={controller} color={false} />, 80, 24);
	assert.match(app.lastFrame(), /◌ starting/);
	assert.equal(app.lastFrame().split('\n').length, 24);
	publish(f.view(f.processes));
	await until(() => assert.match(app.lastFrame(), /▸ running {2}6\.2s/));
	app.stdout.resize(50, 12);
	await until(() => assert.equal(app.lastFrame(), 'concviz needs at least 60×16 — now 50×12'));
	app.stdout.resize(160, 48);
	await until(() => assert.equal(app.lastFrame().split('\n').length, 48));
	app.unmount();
});

test('keys become commands at once; ? toggles help locally', async () => {
	const {controller, commands} = fake(f.view(f.processes));
	const app = renderAt(<App controller={controller} color={false} />, 80, 24);
	for (const key of ['2', 'w', '+', '-', '[', ']', 'n', 'r', ' ', 'c', 'g', 'q', '\u0003']) {
		app.stdin.write(key);
	}

	assert.deepEqual(commands, [
		{type: 'mode', mode: 'processes'},
		{type: 'cycle-work'},
		{type: 'workers', delta: 1},
		{type: 'workers', delta: -1},
		{type: 'concurrency', delta: -1},
		{type: 'concurrency', delta: 1},
		{type: 'cycle-requests'},
		{type: 'restart'},
		{type: 'toggle-pause'},
		{type: 'compare'},
		{type: 'toggle-gil'},
		{type: 'quit'},
		{type: 'quit'},
	]);
	app.stdin.write('?');
	await until(() => assert.match(app.lastFrame(), /^keys ─/m));
	app.stdin.write('?');
	await until(() => assert.doesNotMatch(app.lastFrame(), /^keys ─/m));
	assert.equal(commands.length, 13);
	app.unmount();
});

test('stdin not a terminal: keys are off and nothing crashes', async () => {
	const {controller, commands} = fake(f.view(f.processes));
	const app = renderAt(<App controller={controller} color={false} />, 80, 24, {isTTY: false});
	assert.match(app.lastFrame(), /^concviz {2}processes/);
	app.stdin.write('q');
	await new Promise((resolve) => setTimeout(resolve, 20));
	assert.deepEqual(commands, []);
	app.unmount();
});

test('when the session sets the summary, only the summary stays and the app exits', async () => {
	const {controller, publish, listeners} = fake(f.view(f.processes));
	const app = renderAt(<App controller={controller} color={false} />, 80, 24);
	const summary = 'processes: 400 requests in 20.9s (19.1/s), 3 failed; predicted 20.0s.';
	publish(f.view(f.processes, {summary}));
	await app.waitUntilExit();
	// After the last frame Ink only writes a newline and an empty flush barrier.
	const drawn = app.stdout.frames.filter((frame) => frame.trim() !== '');
	assert.equal(drawn.at(-1), summary);
	assert.equal(listeners.size, 0);
});

test('renderDashboard resolves once the session has ended and Ink has let go of the terminal', async () => {
	const {controller, publish, commands} = fake(f.view(f.processes));
	const stdout = new Stdout(80, 24);
	const stdin = new Stdin(true);
	let resolved = false;
	const done = renderDashboard(controller, {
		color: false,
		fps: 10,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
	}).then(() => {
		resolved = true;
	});
	stdin.write('\u0003');
	assert.deepEqual(commands, [{type: 'quit'}]);
	await new Promise((resolve) => setTimeout(resolve, 20));
	assert.equal(resolved, false, 'Ctrl+C is a command, not an exit');
	publish(f.view(f.processes, {summary: 'bye'}));
	await done;
	assert.ok(stdout.frames.some((frame) => frame.includes('bye')));
});

test('a summary line that fills the width exactly wraps without a leading space', async () => {
	const {controller, publish} = fake(f.view(f.processes));
	const app = renderAt(<App controller={controller} color={false} />, 20, 24);
	const summary = 'sequential 1 12345678 77ms; CPU 42% of 2 cores.';
	publish(f.view(f.processes, {summary: `a${'\n'}${summary}`}));
	await app.waitUntilExit();
	const drawn = app.stdout.frames.filter((frame) => frame.trim() !== '');
	assert.equal(drawn.at(-1), 'a\nsequential 1\n12345678 77ms; CPU\n42% of 2 cores.');
});
