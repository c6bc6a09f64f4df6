import {test} from 'node:test';
import assert from 'node:assert/strict';

test('runs on Node 22 or newer (the node devDependency, not the machine Node 20)', () => {
	const major = Number(process.versions.node.split('.')[0]);
	assert.ok(major >= 22, `Node ${process.versions.node} is older than 22: npm scripts should run the node devDependency`);
});
