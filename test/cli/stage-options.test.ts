import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runCli} from '../helpers/cli.js';
import {DEFAULT_AUTOPLAY, withBareAutoplay} from '../../source/cli/stage-options.js';

const badInputs: Array<[string[], RegExp]> = [
	[['--theme', 'neon'], /^concviz: unknown theme 'neon' \(choose one of: dark, light, contrast\)$/],
	[['--lang', 'fr'], /^concviz: unknown lang 'fr' \(choose one of: en, pt\)$/],
	[['tour', '--autoplay', 'soon'], /^concviz: --autoplay must be a number, got 'soon'$/],
	[['tour'], /^concviz: the tour needs a terminal/],
	[['tour', '--save', 'tour.save'], /^concviz: --save keeps a run or a compare; concviz tour does not save$/],
];

for (const [args, message] of badInputs) {
	test(`bad input: concviz ${args.join(' ')} → exit 2, one line on stderr`, async () => {
		const {code, stdout, stderr} = await runCli(args);
		assert.equal(code, 2, stderr);
		assert.equal(stdout, '');
		const lines = stderr.trimEnd().split('\n');
		assert.equal(lines.length, 1, stderr);
		assert.match(lines[0]!, message);
	});
}

test('a bare --autoplay, last or before another flag, gets its default; a value is kept', () => {
	assert.deepEqual(withBareAutoplay(['tour', '--autoplay']), ['tour', `--autoplay=${DEFAULT_AUTOPLAY}`]);
	assert.deepEqual(withBareAutoplay(['tour', '--autoplay', '--lang', 'pt']), ['tour', `--autoplay=${DEFAULT_AUTOPLAY}`, '--lang', 'pt']);
	assert.deepEqual(withBareAutoplay(['tour', '--autoplay', '3']), ['tour', '--autoplay', '3']);
	assert.deepEqual(withBareAutoplay(['tour', '--autoplay=2']), ['tour', '--autoplay=2']);
});
