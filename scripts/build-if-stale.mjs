#!/usr/bin/env node
/**
 * `npm install` (prepare) and `npm start`: build dist/ with tsc only when it
 * is missing or older than what the dashboard is built from (source/ and
 * tsconfig.json), so that `npm start` draws at once when nothing changed.
 * Plain JavaScript: it runs before anything is built. `npm test` builds
 * every time (pretest), since tests run from dist/.
 *
 * Without TypeScript (an install that left out devDependencies) nothing can
 * be built: prepare goes on (`--prepare`); start goes on when there is a
 * dist/ to run, and otherwise stops with one line, exit 1.
 *
 * Usage: node scripts/build-if-stale.mjs [--prepare] [ROOT]   (ROOT: the project, this repository by default)
 */
import {spawnSync} from 'node:child_process';
import {existsSync, readdirSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

const args = process.argv.slice(2);
const prepare = args.includes('--prepare');
const root = args.find(arg => !arg.startsWith('--')) ?? fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', 'source', 'cli.js');

/** The newest modification time of a file under `path` (a file or a folder, at any depth); 0 when there is none. */
function newest(path) {
	if (!existsSync(path)) {
		return 0;
	}

	const stats = statSync(path);
	if (!stats.isDirectory()) {
		return stats.mtimeMs;
	}

	return Math.max(0, ...readdirSync(path, {recursive: true, withFileTypes: true})
		.filter(entry => entry.isFile())
		.map(entry => statSync(join(entry.parentPath, entry.name)).mtimeMs));
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : undefined;
const stale = built === undefined || Math.max(newest(join(root, 'source')), newest(join(root, 'tsconfig.json'))) > built;
if (stale) {
	let tsc;
	try {
		tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
	} catch {
		if (built === undefined && !prepare) {
			process.stderr.write('concviz: dist/ is not built and TypeScript is not installed: run npm install (with devDependencies)\n');
			process.exitCode = 1;
		}
	}

	if (tsc) {
		process.stderr.write(`concviz: building dist/ (${built === undefined ? 'not built yet' : 'source/ changed since'})…\n`);
		const {status} = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], {stdio: 'inherit'});
		process.exitCode = status ?? 1;
	}
}
