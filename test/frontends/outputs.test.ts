import {test, after, afterEach} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Writable} from 'node:stream';
import {finished} from 'node:stream/promises';
import {UsageError} from '../../source/config/errors.js';
import {createOutputs} from '../../source/frontends/outputs.js';
import {setLang} from '../../source/i18n/catalogue.js';
import {createRecorder} from '../../source/record/asciicast.js';
import {createTraceFile} from '../../source/trace/trace-file.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-outputs-'));
after(async () => {
	await rm(dir, {recursive: true, force: true});
});
afterEach(() => {
	setLang('en');
});

const errno = (code: string): Error => Object.assign(new Error(`${code}: write`), {code});

/** A stream whose every write fails with `code`, as a full disk or a closed pipe does. */
const failing = (code: string): Writable =>
	new Writable({
		write(_chunk, _encoding, callback) {
			callback(errno(code));
		},
	});

/** A stderr that keeps what it is given. */
function collecting(): PassThrough & {text(): string} {
	const chunks: string[] = [];
	const stream = new PassThrough();
	stream.setEncoding('utf8').on('data', (chunk: string) => chunks.push(chunk));
	return Object.assign(stream, {text: () => chunks.join('')});
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('a failing result and a failing file: nothing thrown, one line each on stderr, exit 1', async () => {
	const stderr = collecting();
	const outputs = createOutputs(stderr);
	const stdout = failing('ENOSPC');
	const trace = failing('EDQUOT');
	outputs.watch(stdout, 'result', 'stdout');
	outputs.watch(trace, 'file', '--trace', '/mnt/t.json');
	trace.write('{"traceEvents":[');
	trace.write('more');
	await tick();
	await outputs.write(stdout, '{}\n');
	assert.deepEqual(outputs.failures(), [
		'--trace: cannot write /mnt/t.json: disk quota exceeded',
		'cannot write the result to stdout: no space left on device',
	]);
	assert.equal(outputs.settle(0), 1);
	await tick();
	assert.equal(stderr.text(), 'concviz: --trace: cannot write /mnt/t.json: disk quota exceeded\nconcviz: cannot write the result to stdout: no space left on device\n');
});

test('the lines in Portuguese with --lang pt', async () => {
	setLang('pt');
	const stderr = collecting();
	const outputs = createOutputs(stderr);
	const record = failing('ENOSPC');
	outputs.watch(record, 'file', '--record', '/dev/full');
	record.write('x');
	await tick();
	assert.equal(outputs.settle(0), 1);
	await tick();
	assert.equal(stderr.text(), 'concviz: --record: não foi possível escrever /dev/full: sem espaço no dispositivo\n');
});

test('a closed stderr costs nothing: the exit code stays, later notes go nowhere', async () => {
	const stderr = failing('EPIPE');
	const outputs = createOutputs(stderr);
	stderr.write('progress\n');
	await tick();
	outputs.note('a note');
	assert.deepEqual(outputs.failures(), []);
	assert.equal(outputs.settle(0), 0);
});

test('the terminal gone: its listener is called once, quietly (no line, the exit code stays)', async () => {
	const stderr = collecting();
	const outputs = createOutputs(stderr);
	const stdout = failing('EIO');
	const stdin = new PassThrough();
	let lost = 0;
	outputs.watch(stdout, 'terminal', 'the terminal');
	outputs.watch(stdin, 'terminal', 'the terminal');
	outputs.onTerminalLost(() => {
		lost++;
	});
	stdout.write('frame');
	stdin.destroy(errno('EIO'));
	await tick();
	assert.equal(lost, 1);
	assert.equal(outputs.settle(0), 0);
	await tick();
	assert.equal(stderr.text(), '');
});

test('open() a directory: a UsageError naming the flag and the file', async () => {
	const outputs = createOutputs(collecting());
	await assert.rejects(outputs.open('--trace', dir), (error: unknown) => error instanceof UsageError && error.message === `--trace: cannot write ${dir}: it is a directory`);
});

test('open() a file: written and watched; a trace and a recording on failed streams still close', async () => {
	const outputs = createOutputs(collecting());
	const path = join(dir, 'open.txt');
	const file = await outputs.open('--record', path);
	file.end('written\n');
	await finished(file);
	assert.equal(await readFile(path, 'utf8'), 'written\n');

	const trace = failing('ENOSPC');
	outputs.watch(trace, 'file', '--trace', 'trace.json');
	const traceFile = createTraceFile(trace, 'trace.json');
	traceFile.write([{name: 'x', ph: 'i', pid: 1, ts: 0, s: 'g'}]);
	await traceFile.close({});
	const cast = failing('ENOSPC');
	outputs.watch(cast, 'file', '--record', 'run.cast');
	const recorder = createRecorder(cast, Object.assign(new PassThrough(), {columns: 80, rows: 24}) as unknown as NodeJS.WriteStream);
	recorder.stdout.write('frame');
	recorder.marker('mode');
	await recorder.close();
	assert.deepEqual(outputs.failures(), ['--trace: cannot write trace.json: no space left on device', '--record: cannot write run.cast: no space left on device']);
});
