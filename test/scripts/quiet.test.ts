import assert from 'node:assert/strict';
import {test} from 'node:test';
import {waitForQuiet} from '../../scripts/quiet.js';

test('waitForQuiet: a machine within the bound is quiet at the first look; one past it is given up on, saying how busy it was', {skip: process.platform !== 'linux'}, async () => {
	const quiet = await waitForQuiet({maxCores: 1000, windowMs: 50, giveUpMs: 0});
	assert.equal(quiet.quiet, true);
	assert.ok(quiet.cores >= 0);
	const looks: number[] = [];
	const busy = await waitForQuiet({maxCores: -1, windowMs: 50, giveUpMs: 120, busy: cores => looks.push(cores)});
	assert.equal(busy.quiet, false);
	assert.ok(looks.length >= 1, 'it looked again before giving up');
});
