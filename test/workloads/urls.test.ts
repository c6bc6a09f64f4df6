import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {chmod, mkdtemp, rm, truncate, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after} from 'node:test';
import {UsageError} from '../../source/config/errors.js';
import {MAX_FILE_BYTES, MAX_URL_BYTES, describeSkipped, openUrlFile} from '../../source/workloads/url-file.js';
import {parseUrlList, urlFor} from '../../source/workloads/urls.js';

const dir = await mkdtemp(path.join(tmpdir(), 'concviz-urls-'));
after(async () => rm(dir, {recursive: true, force: true}));

async function file(name: string, text: string): Promise<string> {
	const filePath = path.join(dir, name);
	await writeFile(filePath, text);
	return filePath;
}

test('urlFor: generated targets get /r/<task>, lists cycle', () => {
	assert.equal(urlFor({kind: 'generated', baseUrl: 'http://127.0.0.1:9'}, 0), 'http://127.0.0.1:9/r/0');
	assert.equal(urlFor({kind: 'generated', baseUrl: 'http://127.0.0.1:9'}, 3999), 'http://127.0.0.1:9/r/3999');
	const list = {kind: 'list', urls: ['https://a.example/', 'http://b.example/x']} as const;
	assert.deepEqual([0, 1, 2, 3, 5].map(task => urlFor(list, task)), [
		'https://a.example/',
		'http://b.example/x',
		'https://a.example/',
		'http://b.example/x',
		'http://b.example/x',
	]);
});

test('parseUrlList skips blank lines and comments, trims, and reports invalid lines by number', () => {
	const text = [
		'# the talk\'s shops',
		'https://www.example.com/',
		'',
		'   http://shop.example:8080/a?b=1   ',
		'ftp://files.example/',
		'not a url',
		'\t# indented comment',
		'https://last.example',
	].join('\r\n');
	assert.deepEqual(parseUrlList(text), {
		urls: ['https://www.example.com/', 'http://shop.example:8080/a?b=1', 'https://last.example'],
		invalid: [
			{line: 5, text: 'ftp://files.example/'},
			{line: 6, text: 'not a url'},
		],
	});
	assert.deepEqual(parseUrlList(''), {urls: [], invalid: []});
});

test('openUrlFile indexes a usable file, names its invalid lines, and reads URLs back by task (i mod count)', async () => {
	const source = await openUrlFile(await file('ok.txt', '\uFEFFhttp://127.0.0.1:1/\r\nbogus\n  https://a.example/x?y=1  \n# c\n\nhttp://b.example/'));
	try {
		assert.equal(source.count, 3);
		assert.deepEqual(source.invalid, {lines: [2], total: 1});
		assert.deepEqual(source.urlsOf([0, 1, 2, 3, 5]), ['http://127.0.0.1:1/', 'https://a.example/x?y=1', 'http://b.example/', 'http://127.0.0.1:1/', 'http://b.example/']);
	} finally {
		source.close();
	}
});

test('openUrlFile: a 10 MB line is too long (never held whole), the lines around it are read', async () => {
	const source = await openUrlFile(await file('long.txt', `http://a.example/\n${'x'.repeat(10 * 1024 * 1024)}\nhttp://b.example/\nnope\n`));
	try {
		assert.deepEqual(source.invalid, {lines: [4], total: 1});
		assert.deepEqual(source.tooLong, {lines: [2], total: 1});
		assert.equal(describeSkipped(source), 'invalid lines: 4; lines longer than 64 KB: 2');
		assert.deepEqual(source.urlsOf([1, 0]), ['http://b.example/', 'http://a.example/']);
	} finally {
		source.close();
	}
});

test('openUrlFile: 100,000 lines read back in order across read blocks', async () => {
	const lines = Array.from({length: 100_000}, (_, i) => `http://h${i % 7}.example/p/${i}`);
	const source = await openUrlFile(await file('many-urls.txt', lines.join('\n')));
	try {
		assert.equal(source.count, lines.length);
		const tasks = Array.from({length: 100_000}, (_, i) => i);
		assert.deepEqual(source.urlsOf(tasks), lines);
		assert.deepEqual(source.urlsOf([99_999, 0, 100_000]), [lines[99_999], lines[0], lines[0]]);
	} finally {
		source.close();
	}
});

test('openUrlFile: a missing file is a UsageError', async () => {
	const missing = path.join(dir, 'missing.txt');
	await assert.rejects(openUrlFile(missing), (error: Error) => {
		assert.ok(error instanceof UsageError);
		assert.equal(error.message, `--urls: file not found: ${missing}`);
		return true;
	});
});

test('openUrlFile: a directory or an unreadable file is a UsageError', async () => {
	await assert.rejects(openUrlFile(dir), (error: Error) => {
		assert.ok(error instanceof UsageError);
		assert.equal(error.message, `--urls: ${dir} is a directory`);
		return true;
	});
	if (process.getuid?.() !== 0) {
		const locked = await file('locked.txt', 'http://127.0.0.1/\n');
		await chmod(locked, 0o000);
		await assert.rejects(openUrlFile(locked), {name: 'UsageError', message: `--urls: cannot read ${locked}: permission denied`});
	}
});

test('openUrlFile: no valid URL is a UsageError, naming invalid lines when there are some', async () => {
	const empty = await file('empty.txt', '# nothing here\n\n');
	await assert.rejects(openUrlFile(empty), (error: Error) => {
		assert.ok(error instanceof UsageError);
		assert.equal(error.message, `--urls: no valid URL in ${empty}`);
		return true;
	});
	const bad = await file('bad.txt', '# header\nnope\n\n\nmailto:x@example.com\n');
	await assert.rejects(openUrlFile(bad), {name: 'UsageError', message: `--urls: no valid URL in ${bad} (invalid lines: 2, 5)`});
	const many = await file('many.txt', Array.from({length: 13}, () => 'x').join('\n'));
	await assert.rejects(openUrlFile(many), {
		message: `--urls: no valid URL in ${many} (invalid lines: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 3 more)`,
	});
});

test('openUrlFile: a URL longer than the longest taken is refused with its reason, not only its line', async () => {
	const long = await file('long-url.txt', `http://a.example/${'a'.repeat(MAX_URL_BYTES)}\n`);
	await assert.rejects(openUrlFile(long), {name: 'UsageError', message: `--urls: no valid URL in ${long} (lines longer than 64 KB: 1)`});
	const both = await file('long-and-bad.txt', `nope\n${'x'.repeat(MAX_URL_BYTES + 1)}\n`);
	await assert.rejects(openUrlFile(both), {message: `--urls: no valid URL in ${both} (invalid lines: 1; lines longer than 64 KB: 2)`});
	// The longest line taken is still a URL.
	const longest = `http://a.example/${'a'.repeat(MAX_URL_BYTES - 'http://a.example/'.length)}`;
	const source = await openUrlFile(await file('longest.txt', `${longest}\n`));
	assert.deepEqual(source.urlsOf([0]), [longest]);
	source.close();
});

/** Rejects within `ms` with a one-line UsageError whose message matches. */
async function refusedWithin(ms: number, path: string, message: RegExp): Promise<void> {
	const started = performance.now();
	await assert.rejects(openUrlFile(path), (error: Error) => {
		assert.ok(error instanceof UsageError, String(error));
		assert.match(error.message, message);
		assert.ok(!error.message.includes('\n'));
		return true;
	});
	assert.ok(performance.now() - started < ms, `${path}: ${performance.now() - started} ms`);
}

test('openUrlFile: endless files are refused at once, not read: /dev/zero, /dev/urandom (devices), a FIFO with no writer', async () => {
	await refusedWithin(3000, '/dev/zero', /^--urls: \/dev\/zero is a device, not a file: save the URLs to one$/);
	await refusedWithin(3000, '/dev/urandom', /^--urls: \/dev\/urandom is a device, not a file/);
	const fifo = path.join(dir, 'fifo');
	execFileSync('mkfifo', [fifo]);
	await refusedWithin(3000, fifo, /^--urls: .*fifo is a pipe \(FIFO\), not a file: save the URLs to one$/);
});

test('openUrlFile: a file past the largest read is refused before it is read; so is one with no line break in its first MB', async () => {
	const huge = path.join(dir, 'huge.txt');
	await writeFile(huge, 'http://a.example/\n');
	await truncate(huge, MAX_FILE_BYTES + 1);
	await refusedWithin(3000, huge, /^--urls: .*huge\.txt is larger than 256 MB, the largest file of URLs read$/);
	const flat = await file('flat.txt', `http://a.example/${'a'.repeat(1024 * 1024)}\nhttp://b.example/\n`);
	await refusedWithin(3000, flat, /^--urls: .*flat\.txt has no line break in its first 1 MB: not a file of URLs$/);
});
