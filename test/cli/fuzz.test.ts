import assert from 'node:assert/strict';
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {UsageError} from '../../source/config/errors.js';
import {parseOptions} from '../../source/cli/options.js';
import {parseUrlList} from '../../source/workloads/urls.js';
import {runCli} from '../helpers/cli.js';
import {withServer} from '../helpers/server.js';

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
	let a = seed;
	return () => {
		a = (a + 0x6D_2B_79_F5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}

const SEED = Number(process.env['FUZZ_SEED'] ?? 8);
const rand = random(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const FLAGS = ['mode', 'work', 'requests', 'urls', 'latency', 'jitter', 'workers', 'threads', 'concurrency', 'cpuMs', 'timeout',
	'gil', 'failRate', 'bodyBytes', 'seed', 'fps', 'color', 'json', 'record', 'port', 'frob', 'n', 'x'];
const VALUES = ['', ' ', '0', '-1', '1', '4,000', '4_000', '1.5k', '4M', '4e3', '2.5', '1e400', 'NaN', 'Infinity', '0x10', '--',
	'async', 'processes', 'io', 'cpu', '\u00FF\u00FE', '\u202E\u0007', 'é'.repeat(300), '9'.repeat(40), 'true', 'false'];
const randomText = (): string => Array.from({length: Math.floor(rand() * 12)}, () => String.fromCodePoint(1 + Math.floor(rand() * 0x2FF))).join('');
const value = (): unknown => {
	const r = rand();
	return r < 0.5 ? pick(VALUES) : r < 0.7 ? randomText() : r < 0.8 ? rand() < 0.5 : [pick(VALUES), pick(VALUES)];
};

const isOneLine = (message: string): boolean => message !== '' && !message.includes('\n') && message.length <= 300;

test(`fuzz: parseOptions on 2,000 random flag sets returns or throws a one-line UsageError (FUZZ_SEED=${SEED})`, () => {
	for (let i = 0; i < 2000; i++) {
		const flags: Record<string, unknown> = {};
		for (let k = Math.floor(rand() * 5); k > 0; k--) {
			flags[pick(FLAGS)] = value();
		}

		const input = rand() < 0.2 ? [pick(['run', 'serve', 'compare', randomText()])] : [];
		try {
			parseOptions(flags, input, {}, () => 1);
		} catch (error) {
			assert.ok(error instanceof UsageError, `${JSON.stringify(flags)}: ${String(error)}`);
			assert.ok(isOneLine(error.message), JSON.stringify(error.message));
		}
	}
});

test('fuzz: parseUrlList on random text, NUL, CRLF, a BOM never throws and numbers lines from 1', () => {
	for (let i = 0; i < 300; i++) {
		const lines = Array.from({length: Math.floor(rand() * 8)}, () => pick(['http://a.example/', '\u0000', '#c', '', randomText(), 'https://b.example/x?y=1']));
		const text = (rand() < 0.3 ? '\uFEFF' : '') + lines.join(rand() < 0.5 ? '\r\n' : '\n');
		const {urls, invalid} = parseUrlList(text);
		assert.ok(urls.every(url => /^https?:/.test(url)));
		assert.ok(invalid.every(entry => entry.line >= 1 && entry.line <= lines.length));
	}
});

/** Exit 0 (stderr: nothing but the skipped lines) or exit 2 with one line; never a stack trace. */
function assertClean(args: readonly string[], result: {code: number | null; stderr: string}): void {
	const where = `concviz ${args.map(arg => JSON.stringify(arg.slice(0, 40))).join(' ')}`;
	assert.ok(result.code === 0 || result.code === 2, `${where}: exit ${result.code}: ${result.stderr.slice(0, 500)}`);
	assert.doesNotMatch(result.stderr, /\n\s+at |Error:/, where);
	const lines = result.stderr.trimEnd().split('\n').filter(line => line !== '');
	if (result.code === 2) {
		assert.equal(lines.length, 1, `${where}: ${result.stderr.slice(0, 500)}`);
	} else {
		assert.ok(lines.every(line => /: skipped (invalid lines|lines longer than 64 KB): /.test(line)), `${where}: ${result.stderr.slice(0, 500)}`);
	}
}

// Fixed, safe values last: the last of a repeated flag wins, so no random prefix can start a long or wide run.
const SAFE = ['-m', 'async', '-n', '3', '-p', '1', '--threads', '1', '-c', '2', '--latency', '0', '--jitter', '0', '--json'];
const ARG_TOKENS = ['-n', '-m', '-p', '-c', '--requests', '--requests=', '--mode=', '--work', '--latency', '--timeout', '--cpu-ms',
	'--fail-rate', '--seed', '--frob', '-x', '--', '-', '--gil', '--no-gil', '--json', '--no-color', 'compare', 'launch'];

test('fuzz: the CLI on random argument lists exits 0 or 2 with one line, never a stack trace', async () => {
	const dir = await mkdtemp(join(tmpdir(), 'concviz-fuzz-args-'));
	for (let i = 0; i < 8; i++) {
		const random = Array.from({length: 1 + Math.floor(rand() * 5)}, () => {
			const token = pick(ARG_TOKENS);
			const text = String(rand() < 0.6 ? pick(VALUES) : randomText());
			return token.endsWith('=') ? `${token}${text}` : rand() < 0.5 ? token : text;
		}).filter(arg => arg !== 'compare');
		const args = [...random, ...SAFE];
		assertClean(args, await runCli(args, {timeoutMs: 30_000, cwd: dir}));
	}
});

test('fuzz: URL files of random bytes, NUL, CRLF, a BOM, a 10 MB line, empty, a directory → exit 0 or exit 2 and one line', async () => {
	const server = await withServer({latency: 0});
	const good = `${server.url}/ok`;
	const dir = await mkdtemp(join(tmpdir(), 'concviz-fuzz-urls-'));
	const bytes = Buffer.from(Array.from({length: 4096}, () => Math.floor(rand() * 256)));
	const files: Array<[string, string | Buffer | undefined]> = [
		['random.bin', bytes],
		['random-and-good.bin', Buffer.concat([bytes, Buffer.from(`\n${good}\n`)])],
		['nul.txt', `${good}\u0000\n\u0000\n${good}\n`],
		['crlf.txt', `# comment\r\n${good}\r\nnot a url\r\n\r\n${good}\r\n`],
		['bom.txt', `\uFEFF${good}\n`],
		['long-line.txt', `${good}\n${'x'.repeat(10 * 1024 * 1024)}\n${good}\n`],
		['empty.txt', ''],
		['a-directory', undefined],
	];
	for (const [name, content] of files) {
		const path = join(dir, name);
		await (content === undefined ? mkdir(path) : writeFile(path, content));
		const args = ['--urls', path, ...SAFE];
		const result = await runCli(args, {timeoutMs: 30_000});
		assertClean(args, result);
		if (name === 'crlf.txt') {
			assert.equal(result.code, 0);
			assert.match(result.stderr, /skipped invalid lines: 3\b/);
		}

		if (name === 'long-line.txt') {
			assert.equal(result.code, 0);
			assert.match(result.stderr, /skipped lines longer than 64 KB: 2\b/);
		}

		if (name === 'bom.txt') {
			assert.equal(result.code, 0, result.stderr);
			assert.equal(result.stderr, '');
		}
	}
});
