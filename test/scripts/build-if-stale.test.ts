import assert from 'node:assert/strict';
import {existsSync, readFileSync} from 'node:fs';
import {mkdir, mkdtemp, rm, stat, utimes, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {after, test} from 'node:test';
import {runProgram} from '../helpers/cli.js';

const SCRIPT = fileURLToPath(new URL('../../../scripts/build-if-stale.mjs', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../../../package.json', import.meta.url));
const dir = await mkdtemp(join(tmpdir(), 'concviz-build-'));
after(async () => rm(dir, {recursive: true, force: true}));

/** A project of one file, built by the repository's tsc (not this repository: its dist/ is what the tests run). */
async function project(): Promise<{root: string; source: string; built: string}> {
	const root = await mkdtemp(join(dir, 'project-'));
	await mkdir(join(root, 'source'));
	await writeFile(join(root, 'tsconfig.json'), JSON.stringify({compilerOptions: {module: 'NodeNext', rootDir: '.', outDir: 'dist', types: []}, include: ['source/**/*']}));
	const source = join(root, 'source', 'cli.ts');
	await writeFile(source, 'export const answer: number = 42;\n');
	return {root, source, built: join(root, 'dist', 'source', 'cli.js')};
}

const build = async (root: string, ...flags: string[]) => runProgram(process.execPath, [SCRIPT, ...flags, root], {timeoutMs: 60_000});

test('dist/ is built when missing, not again while source/ is older, and again once source/ changes', async () => {
	const {root, source, built} = await project();
	const first = await build(root);
	assert.equal(first.code, 0, first.stderr);
	assert.equal(first.stderr, 'concviz: building dist/ (not built yet)…\n');
	assert.match(readFileSync(built, 'utf8'), /answer = 42/);
	const {mtimeMs} = await stat(built);
	const second = await build(root);
	assert.deepEqual([second.code, second.stderr], [0, '']);
	assert.equal((await stat(built)).mtimeMs, mtimeMs);
	await writeFile(source, 'export const answer: number = 43;\n');
	const later = new Date(mtimeMs + 60_000);
	await utimes(source, later, later);
	const third = await build(root, '--prepare');
	assert.deepEqual([third.code, third.stderr], [0, 'concviz: building dist/ (source/ changed since)…\n']);
	assert.match(readFileSync(built, 'utf8'), /answer = 43/);
});

test('a type error stops the build with tsc\'s message, exit non-zero', async () => {
	const {root, source} = await project();
	await writeFile(source, 'export const answer: number = "forty-two";\n');
	const {code, stdout} = await build(root);
	assert.notEqual(code, 0);
	assert.match(stdout, /error TS2322/);
});

test('npm install builds (prepare), npm start builds only when stale, npm test always builds first', () => {
	const {scripts} = JSON.parse(readFileSync(PACKAGE, 'utf8')) as {scripts: Record<string, string>};
	assert.equal(scripts['prepare'], 'node scripts/build-if-stale.mjs --prepare');
	assert.equal(scripts['start'], 'node scripts/build-if-stale.mjs && node dist/source/cli.js');
	assert.equal(scripts['pretest'], 'npm run build --silent');
	assert.ok(existsSync(SCRIPT));
});
