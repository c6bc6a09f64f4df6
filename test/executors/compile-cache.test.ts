import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {chmod, mkdtemp, readdir, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {compileCacheDir, laneThreadEnv} from '../../source/executors/compile-cache.js';
import {runCli} from '../helpers/cli.js';

const base = await mkdtemp(join(tmpdir(), 'concviz-cache-test-'));
after(async () => rm(base, {recursive: true, force: true}));
const own = `concviz-${process.getuid?.() ?? ''}`;
/** concviz's own cache, whatever the environment the tests run in says about Node's. */
const noUserCache = {NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined};

/** Files under `dir`, at any depth (none when it does not exist). */
async function filesUnder(dir: string): Promise<string[]> {
	const entries = await readdir(dir, {recursive: true, withFileTypes: true}).catch(() => []);
	return entries.filter(entry => entry.isFile()).map(entry => entry.name);
}

test('the cache folder is this user\'s own, made 0700, under the temporary folder', async () => {
	const root = await mkdtemp(join(base, 'own-'));
	assert.equal(compileCacheDir(root), join(root, own, 'compile-cache'));
	assert.equal((await stat(join(root, own))).mode & 0o777, 0o700);
});

test('no cache folder where it cannot be made, or where others may write', async () => {
	const file = join(base, 'a-file');
	await writeFile(file, '');
	assert.equal(compileCacheDir(file), undefined);
	const shared = await mkdtemp(join(base, 'shared-'));
	assert.ok(compileCacheDir(shared));
	await chmod(join(shared, own), 0o777);
	assert.equal(compileCacheDir(shared), undefined);
});

test('a run whose temporary folder cannot be written runs all the same, start-up measured', async () => {
	const file = join(base, 'not-a-folder');
	await writeFile(file, '');
	const {code, stdout, stderr} = await runCli(['-m', 'processes', '-p', '2', '-n', '4', '--latency', '5', '--json'], {env: {...noUserCache, TMPDIR: file}});
	assert.equal(code, 0, stderr);
	const result = JSON.parse(stdout) as {completed: number; startupMs: number; startup: {kind: string; workers: number}};
	assert.equal(result.completed, 4);
	assert.ok(result.startupMs > 0);
	assert.deepEqual([result.startup.kind, result.startup.workers], ['process', 2]);
});

test('a temporary folder that does not exist is not made: the cache is off, the run works', async () => {
	const missing = join(base, 'missing', 'tmp');
	assert.equal(compileCacheDir(missing), undefined);
	const {code, stdout, stderr} = await runCli(['-m', 'processes', '-p', '2', '-n', '4', '--latency', '5', '--json'], {env: {...noUserCache, TMPDIR: missing}});
	assert.equal(code, 0, stderr);
	assert.equal((JSON.parse(stdout) as {completed: number}).completed, 4);
	assert.equal(existsSync(join(base, 'missing')), false);
});

test('the first run on a machine fills the cache from its lane processes; lane threads do without it', async () => {
	for (const [mode, cached] of [['threads', false], ['processes-threads', true], ['processes', true]] as const) {
		const fresh = await mkdtemp(join(base, `fresh-${mode}-`));
		const {code, stdout, stderr} = await runCli(['-m', mode, '-p', '2', '--threads', '2', '-n', '4', '--latency', '5', '--json'], {env: {...noUserCache, TMPDIR: fresh}});
		assert.equal(code, 0, stderr);
		assert.equal((JSON.parse(stdout) as {completed: number}).completed, 4);
		const files = await filesUnder(join(fresh, own, 'compile-cache'));
		assert.equal(files.length > 0, cached, `${mode}: ${files.length} files cached`);
	}
});

test('lane threads get this process\'s environment less the compile cache concviz set; a user\'s own stays', () => {
	const saved = process.env['NODE_COMPILE_CACHE'];
	try {
		process.env['NODE_COMPILE_CACHE'] = compileCacheDir();
		assert.equal(laneThreadEnv()['NODE_COMPILE_CACHE'], undefined);
		assert.equal(laneThreadEnv()['PATH'], process.env['PATH']);
		process.env['NODE_COMPILE_CACHE'] = join(base, 'users-own');
		assert.equal(laneThreadEnv()['NODE_COMPILE_CACHE'], join(base, 'users-own'));
	} finally {
		if (saved === undefined) {
			delete process.env['NODE_COMPILE_CACHE'];
		} else {
			process.env['NODE_COMPILE_CACHE'] = saved;
		}
	}
});
