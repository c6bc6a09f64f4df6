import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runProgram} from '../helpers/cli.js';

const MODULE = new URL('../../source/cli/young-generation.js', import.meta.url).href;
const MB = 2 ** 20;
const CAP_MB = 4;

/**
 * A process that keeps ~200,000 small objects alive for a moment each (as
 * the main process holds events until they are applied) while it allocates
 * 600 MB, and reports the largest young generation it saw.
 */
const script = (capMb: number | undefined): string => `
import v8 from 'node:v8';
import {capYoungGeneration} from ${JSON.stringify(MODULE)};
${capMb === undefined ? '' : `capYoungGeneration(${capMb});`}
const queue = [];
let allocated = 0;
let largest = 0;
const step = () => {
	for (let i = 0; i < 4000; i++) queue.push({type: 'task-end', worker: i & 1, task: i, t: allocated, outcome: 'completed', latencyMs: 100});
	if (queue.length > 200000) queue.splice(0, 4000);
	allocated += 4000 * 80;
	largest = Math.max(largest, v8.getHeapSpaceStatistics().find(s => s.space_name === 'new_space').space_size);
	if (allocated < 600 * 2 ** 20) setImmediate(step); else console.log(JSON.stringify({largest}));
};
step();
`;

async function largestYoungGeneration(capMb: number | undefined): Promise<number> {
	const {code, stdout, stderr} = await runProgram(process.execPath, ['--input-type=module', '-e', script(capMb)], {env: {NODE_OPTIONS: ''}});
	assert.equal(code, 0, stderr);
	return (JSON.parse(stdout) as {largest: number}).largest;
}

test('capYoungGeneration: the semi-spaces stop growing at the cap (one doubling past it at most) while survivors keep coming', async () => {
	const capped = await largestYoungGeneration(CAP_MB);
	// Both semi-spaces, at most one growth past the cap between two checks.
	assert.ok(capped <= 2 * 2 * CAP_MB * MB, `young generation reached ${capped / MB} MB`);
});

test('capYoungGeneration: without it the same allocation grows the young generation well past that cap', async () => {
	const free = await largestYoungGeneration(undefined);
	assert.ok(free > 2 * 2 * CAP_MB * MB, `young generation reached only ${free / MB} MB`);
});

