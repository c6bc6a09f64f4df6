import {test} from 'node:test';
import assert from 'node:assert/strict';
import {MODE_KEYS, MODES, ONE_LOOP, RUNTIMES, factsOf, modesOf} from '../../source/config/modes.js';
import {HELP} from '../../source/cli/help.js';
import {KEY_HELP} from '../../source/ui/hooks/keys.js';
import {lessonOf} from '../../source/ui/lines/lessons.js';

test('the mode keys are read off the table: the first key to the last', () => {
	assert.equal(MODE_KEYS, `${factsOf(MODES[0]!).key}-${factsOf(MODES.at(-1)!).key}`);
	assert.ok(KEY_HELP.some((help) => help.key === MODE_KEYS));
	assert.match(HELP, new RegExp(`^  ${MODE_KEYS} mode`, 'm'));
});

test('each runtime offers the modes its records name, in key order', () => {
	assert.deepEqual([...RUNTIMES], ['node']);
	assert.deepEqual(modesOf('node'), MODES);
});

test("a mode's lesson is its record's, for I/O and for CPU work", () => {
	for (const mode of MODES) {
		assert.equal(lessonOf(mode, 'io'), factsOf(mode).lesson.io);
		assert.equal(lessonOf(mode, 'cpu'), factsOf(mode).lesson.cpu);
	}
});

test('the lane calibration runs the one-loop mode', () => {
	assert.equal(factsOf(ONE_LOOP).lane, 'loop');
	assert.deepEqual(factsOf(ONE_LOOP).inFlight, ['C']);
});
