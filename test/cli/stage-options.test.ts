import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runCli} from '../helpers/cli.js';

const badInputs: Array<[string[], RegExp]> = [
	[['--theme', 'neon'], /^concviz: unknown theme 'neon' \(choose one of: dark, light, contrast\)$/],
	[['--lang', 'fr'], /^concviz: unknown lang 'fr' \(choose one of: en, pt\)$/],
	[['tour', '--autoplay', 'soon'], /^concviz: --autoplay must be a number, got 'soon'$/],
	[['tour'], /^concviz: the tour needs a terminal/],
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
