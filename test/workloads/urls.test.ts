import {test} from 'node:test';
import assert from 'node:assert/strict';
import {chmod, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after} from 'node:test';
import {UsageError} from '../../source/config/errors.js';
import {parseUrlList, readUrlFile, urlFor} from '../../source/workloads/urls.js';

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

test('readUrlFile reads a usable file and returns its invalid lines', async () => {
	const list = await readUrlFile(await file('ok.txt', 'http://127.0.0.1:1/\nbogus\n'));
	assert.deepEqual(list, {urls: ['http://127.0.0.1:1/'], invalid: [{line: 2, text: 'bogus'}]});
});

test('readUrlFile: a missing file is a UsageError', async () => {
	const missing = path.join(dir, 'missing.txt');
	await assert.rejects(readUrlFile(missing), (error: Error) => {
		assert.ok(error instanceof UsageError);
		assert.equal(error.message, `--urls: file not found: ${missing}`);
		return true;
	});
});

test('readUrlFile: an unreadable path is a UsageError naming the code', async () => {
	await assert.rejects(readUrlFile(dir), (error: Error) => {
		assert.ok(error instanceof UsageError);
		assert.equal(error.message, `--urls: cannot read ${dir}: EISDIR`);
		return true;
	});
	if (process.getuid?.() !== 0) {
		const locked = await file('locked.txt', 'http://127.0.0.1/\n');
		await chmod(locked, 0o000);
		await assert.rejects(readUrlFile(locked), {name: 'UsageError', message: `--urls: cannot read ${locked}: EACCES`});
	}
});

test('readUrlFile: no valid URL is a UsageError, naming invalid lines when there are some', async () => {
	const empty = await file('empty.txt', '# nothing here\n\n');
	await assert.rejects(readUrlFile(empty), (error: Error) => {
		assert.ok(error instanceof UsageError);
		assert.equal(error.message, `--urls: no valid URL in ${empty}`);
		return true;
	});
	const bad = await file('bad.txt', '# header\nnope\n\n\nmailto:x@example.com\n');
	await assert.rejects(readUrlFile(bad), {name: 'UsageError', message: `--urls: no valid URL in ${bad} (invalid lines: 2, 5)`});
	const many = await file('many.txt', Array.from({length: 13}, () => 'x').join('\n'));
	await assert.rejects(readUrlFile(many), {
		message: `--urls: no valid URL in ${many} (invalid lines: 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 3 more)`,
	});
});
