import assert from 'node:assert/strict';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {openFileLimit, openFilesNeeded, openFilesWhy} from '../../source/session/open-files.js';
import {config as base} from '../ui/fixtures.js';
import {CLI, runProgram} from '../helpers/cli.js';

const UNCHECKED = fileURLToPath(new URL('fixtures/run-unchecked.js', import.meta.url));
/** Run a program under a lowered limit on open files (soft and hard, as `ulimit -n` sets them). */
const limited = async (files: number, args: readonly string[]) =>
	runProgram('bash', ['-c', `ulimit -n ${files} && exec "$0" "$@"`, process.execPath, ...args], {timeoutMs: 60_000});

test('the open files a run needs: the loop holds C sockets, the embedded server every lane\'s', () => {
	const async = openFilesNeeded({...base, mode: 'async', concurrency: 1000, requests: 4000});
	assert.equal(async.where, 'main');
	assert.ok(async.files > 1000 && async.files < 1100, String(async.files));
	const pa = openFilesNeeded({...base, mode: 'processes-async', workers: 2, concurrency: 1000, requests: 4000});
	assert.equal(pa.where, 'server');
	assert.ok(pa.files > 2000 && pa.files < 2100, String(pa.files));
	// Never more connections than tasks.
	assert.ok(openFilesNeeded({...base, mode: 'async', concurrency: 1000, requests: 4}).files < 100);
});

test('a run past the limit is refused in one line that says what to do; one that fits is not', () => {
	const config = {...base, mode: 'async' as const, concurrency: 1000, requests: 2000};
	assert.equal(openFilesWhy(config, 256), 'C=1,000 needs about 1,048 open files; this shell allows 256: run ulimit -n 4096, or lower -c');
	assert.equal(openFilesWhy(config, 20_000), undefined);
	assert.match(openFilesWhy({...config, mode: 'processes-async', workers: 2}, 1024)!, /^P·C=2,000 needs about 2,\d{3} open files \(the embedded server holds every connection\); this shell allows 1,024: run ulimit -n 4096, or lower -c or -p$/);
	assert.match(openFilesWhy({...config, mode: 'threads', workers: 200}, 1024)!, /^200 threads need about 1,\d{3} open files; this shell allows 1,024: run ulimit -n 4096, or lower -p$/);
	if (process.platform === 'linux') {
		assert.ok((openFileLimit() ?? 0) > 0);
	}
});

test('concviz refuses, up front, a run that needs more open files than the shell allows: one line, exit 2', {skip: process.platform !== 'linux'}, async () => {
	const {code, stdout, stderr} = await limited(256, [CLI, '-m', 'async', '-n', '2000', '--json']);
	assert.equal(code, 2);
	assert.equal(stdout, '');
	assert.equal(stderr, 'concviz: C=1,000 needs about 1,048 open files; this shell allows 256: run ulimit -n 4096, or lower -c\n');
});

test('a run that meets the limit anyway ends: its requests fail as `too many open files (EMFILE)`, the samplers survive, every task is counted', {skip: process.platform !== 'linux'}, async () => {
	const {code, stdout, stderr} = await limited(300, [UNCHECKED, 'async', '3000', '1000']);
	assert.equal(code, 0, stderr);
	const result = JSON.parse(stdout) as {requested: number; completed: number; failed: number; cancelled: number; failures: Record<string, number>};
	assert.equal(result.completed + result.failed + result.cancelled, 3000);
	assert.ok((result.failures['too many open files (EMFILE)'] ?? 0) > 0, JSON.stringify(result.failures));
});
