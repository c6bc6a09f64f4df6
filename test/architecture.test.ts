import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {folderCycles, forbidden, importsUnder, rulesOf, specifiersOf, type Import} from './helpers/imports.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const source = `${root}source`;
const architecture = readFileSync(`${root}docs/architecture.md`, 'utf8');
const rules = rulesOf(architecture);
const imports = importsUnder(source);
const show = (list: readonly Import[]): string => list.map((entry) => `${entry.from} → ${entry.specifier}${entry.typeOnly ? ' (types)' : ''}`).join('\n');

test("every import of source/ is one docs/architecture.md's table allows", () => {
	assert.ok(rules.length > 10, 'the table is read');
	assert.deepEqual(show(forbidden(imports, rules)), '');
});

test('every folder of source/ has its row in the table', () => {
	const folders = readdirSync(source).filter((name) => statSync(`${source}/${name}`).isDirectory()).sort();
	assert.deepEqual(folders.filter((folder) => !rules.some((rule) => rule.folder === folder)), []);
});

test('no two folders of source/ import each other, directly or round a cycle', () => {
	assert.deepEqual(folderCycles(imports), []);
});

test('at most 16 files sit directly in any folder of source/', () => {
	const crowded: string[] = [];
	const visit = (folder: string): void => {
		const names = readdirSync(folder);
		if (names.filter((name) => statSync(`${folder}/${name}`).isFile()).length > 16) crowded.push(folder.slice(root.length));
		for (const name of names) if (statSync(`${folder}/${name}`).isDirectory()) visit(`${folder}/${name}`);
	};

	visit(source);
	assert.deepEqual(crowded, []);
});

test('an upward import planted in a low folder or across the thread boundary is caught, a type-only one included', () => {
	const planted: Import[] = [
		{from: 'config/modes.ts', to: 'ui/app.tsx', specifier: '../ui/app.js', typeOnly: false},
		{from: 'events/bus.ts', to: 'session/session.ts', specifier: '../session/session.js', typeOnly: true},
		{from: 'executors/lane/lane.ts', to: 'executors/dispatcher/task-queue.ts', specifier: '../dispatcher/task-queue.js', typeOnly: false},
		{from: 'ui/text/text.ts', to: 'ui/panels/header.tsx', specifier: '../panels/header.js', typeOnly: true},
	];
	assert.deepEqual(forbidden([...imports, ...planted], rules), planted);
	assert.ok(folderCycles([...imports, {from: 'config/modes.ts', to: 'cli/main.ts', specifier: '../cli/main.js', typeOnly: false}]).length > 0);
});

test('the reader sees every kind of import', () => {
	const text = [
		"import a from './a.js';",
		"import type {B} from './b.js';",
		"import {type C} from './c.js';",
		"export {d} from './d.js';",
		"export type {E} from './e.js';",
		"const f = await import('./f.js');",
		"type G = import('./g.js').G;",
		"const h = new URL('h.worker.js', import.meta.url);",
	].join('\n');
	assert.deepEqual(specifiersOf('x.ts', text), [
		{specifier: './a.js', typeOnly: false},
		{specifier: './b.js', typeOnly: true},
		{specifier: './c.js', typeOnly: true},
		{specifier: './d.js', typeOnly: false},
		{specifier: './e.js', typeOnly: true},
		{specifier: './f.js', typeOnly: false},
		{specifier: './g.js', typeOnly: true},
		{specifier: './h.worker.js', typeOnly: false},
	]);
});

test('no file of source/ cites a path outside the repository', () => {
	const citing = importsUnder(source).filter((entry) => entry.to.startsWith('../'));
	assert.deepEqual(show(citing), '');
	const walk = (folder: string): string[] => readdirSync(folder).flatMap((name) =>
		statSync(`${folder}/${name}`).isDirectory() ? walk(`${folder}/${name}`) : [`${folder}/${name}`]);
	assert.deepEqual(walk(source).filter((file) => readFileSync(file, 'utf8').includes('../shared')).map((file) => file.slice(root.length)), []);
});
