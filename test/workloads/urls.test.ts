import {test} from 'node:test';
import assert from 'node:assert/strict';
import {chmod, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after} from 'node:test';
import {UsageError} from '../../source/config/errors.js';
import {openUrlFile} from '../../source/workloads/url-file.js';
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

test('openUrlFile: a 10 MB line is invalid (never held whole), the lines around it are read', async () => {
	const source = await openUrlFile(await file('long.txt', `http://a.example/\n${'x'.repeat(10 * 1024 * 1024)}\nhttp://b.example/\n`));
	try {
		assert.deepEqual(source.invalid, {lines: [2], total: 1});
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
