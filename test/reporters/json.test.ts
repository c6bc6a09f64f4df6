import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatJson} from '../../source/reporters/json.js';
import {result} from './fixtures.js';

test('formatJson writes one object, 2-space indented, with a trailing newline, and reads back equal', () => {
	const text = formatJson(result);
	assert.ok(text.endsWith('}\n'));
	assert.ok(text.startsWith('{\n  "mode": "processes",\n'));
	assert.deepEqual(JSON.parse(text), result);
});

test('formatJson writes an array for compare', () => {
	const results = [result, {...result, mode: 'threads' as const}];
	const text = formatJson(results);
	assert.ok(text.startsWith('[\n  {\n    "mode": "processes",'));
	assert.ok(text.endsWith(']\n'));
	assert.deepEqual(JSON.parse(text), results);
});
