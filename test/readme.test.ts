import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {HELP} from '../source/cli/help.js';

test("docs/usage.md's Usage section is the --help text, word for word", async () => {
	const doc = await readFile(new URL('../../docs/usage.md', import.meta.url), 'utf8');
	const usage = /## Usage\n\n```\n([\s\S]*?)\n```/.exec(doc)?.[1];
	assert.equal(usage, HELP.trim());
});

test('the README gives the install-and-start and the test commands', async () => {
	const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
	assert.match(readme, /npm install && npm start/);
	assert.match(readme, /npm test/);
});
