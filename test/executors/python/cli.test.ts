import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {after, describe, test} from 'node:test';
import {descendants, runCli} from '../../helpers/cli.js';
import {waitForExit} from '../../helpers/processes.js';
import {PYTHON, SKIP} from './python-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'concviz-python-'));
after(() => {
	rmSync(dir, {recursive: true, force: true});
});

/** An interpreter that cannot import aiohttp: the real one, with a module of that name that fails to import first on its path. */
function withoutAiohttp(): string {
	mkdirSync(join(dir, 'shadow', 'aiohttp'), {recursive: true});
	writeFileSync(join(dir, 'shadow', 'aiohttp', '__init__.py'), 'raise ImportError("not here")\n');
	const wrapper = join(dir, 'python-no-aiohttp');
	writeFileSync(wrapper, `#!/bin/sh\nPYTHONPATH='${join(dir, 'shadow')}' exec '${PYTHON}' "$@"\n`);
	chmodSync(wrapper, 0o755);
	return wrapper;
}

const lines = (text: string): string[] => text.trim().split('\n').filter(Boolean);

describe('python runner: the command line', {skip: SKIP}, () => {
	test('an interpreter that is not there: one line, exit 2', async () => {
		const result = await runCli(['--runtime', 'python', '--python', join(dir, 'no-such-python'), '-n', '4', '--json']);
		assert.equal(result.code, 2);
		assert.deepEqual(lines(result.stderr).length, 1);
		assert.match(result.stderr, /no-such-python not found: install Python 3\.9 or newer/);
		assert.equal(result.stdout, '');
	});

	test('an interpreter without aiohttp: one line naming it and how to get it, exit 2', async () => {
		const python = withoutAiohttp();
		const result = await runCli(['--runtime', 'python', '-n', '4', '--json'], {env: {CONCVIZ_PYTHON: python}});
		assert.equal(result.code, 2);
		assert.deepEqual(lines(result.stderr), [`concviz: ${python} has no module aiohttp: pip install aiohttp (or apt install python3-aiohttp)`]);
	});

	test('--gil under python says it is Node-only, exit 2', async () => {
		const result = await runCli(['--runtime', 'python', '--gil', '-m', 'threads', '--json'], {env: {CONCVIZ_PYTHON: PYTHON}});
		assert.equal(result.code, 2);
		assert.match(result.stderr, /--gil emulates the GIL in Node only/);
	});

	test('--json names the runtime and the real GIL; the sum holds', async () => {
		const result = await runCli(['--runtime', 'python', '-m', 'processes-threads', '-p', '2', '--threads', '2', '-n', '40', '--latency', '10', '--json'], {env: {CONCVIZ_PYTHON: PYTHON}});
		assert.equal(result.code, 0, result.stderr);
		const json = JSON.parse(result.stdout) as {runtime: string; gil: string; completed: number; failed: number; cancelled: number; requested: number; workers: unknown[]};
		assert.equal(json.runtime, 'python');
		assert.equal(json.gil, 'real');
		assert.equal(json.completed + json.failed + json.cancelled, json.requested);
		assert.equal(json.completed, 40);
		assert.equal(json.workers.length, 4);
	});

	test('kill -9 of concviz leaves no Python process after 3 s', async () => {
		let pid = 0;
		const running = runCli(['--runtime', 'python', '-m', 'processes-threads', '-p', '2', '--threads', '2', '-n', '100k', '--latency', '50', '--json'], {
			env: {CONCVIZ_PYTHON: PYTHON},
			onSpawn(child) {
				pid = child.pid!;
			},
		}).catch(() => undefined);
		let python: number[] = [];
		for (let i = 0; i < 100 && python.length < 3; i++) {
			await delay(100);
			python = (await descendants(pid)).filter(child => child !== pid);
		}

		assert.ok(python.length >= 3, `the runner and its lane processes (found ${python.length})`);
		process.kill(pid, 'SIGKILL');
		await running;
		const gone = await Promise.all(python.map(async child => waitForExit(child, 3000)));
		assert.ok(gone.every(Boolean), `still alive: ${python.filter((_, i) => !gone[i]).join(', ')}`);
	});
});
