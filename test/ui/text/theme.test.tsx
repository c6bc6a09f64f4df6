import assert from 'node:assert/strict';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {THEME_STYLES, ThemeContext, styleOf, styled} from '../../../source/ui/text/theme.js';
import {LineText} from '../../../source/ui/text/line-text.js';
import {parseOptions} from '../../../source/cli/options.js';

test('contrast, for projectors: every tone bold, no grey, no dim', () => {
	for (const [tone, style] of Object.entries(THEME_STYLES.contrast)) {
		assert.equal(style.bold, true, tone);
		assert.notEqual(style.color, 'gray', tone);
		assert.notEqual(style.dimColor, true, tone);
	}
});

test('light, for a white background: no yellow and no cyan', () => {
	for (const [tone, style] of Object.entries(THEME_STYLES.light)) {
		assert.ok(!/yellow|cyan/i.test(style.color ?? ''), `${tone}: ${style.color}`);
	}
});

test('the theme given is the one a style comes from; dark when none is; colour off still means no style at all', () => {
	assert.deepEqual(styleOf('muted', true, 'contrast'), {color: 'white', bold: true});
	assert.equal(styled('x', 'muted', 'contrast'), '\u001B[37m\u001B[1mx\u001B[22m\u001B[39m');
	assert.deepEqual(styleOf('muted', false, 'contrast'), {});
	assert.deepEqual(styleOf('io', true, 'light'), {color: 'blue'});
	assert.deepEqual(styleOf('io', true), {color: 'cyan'});
});

test('a line is drawn in the theme its render hands down', () => {
	const line = [{text: 'x', tone: 'muted'}] as const;
	const {lastFrame} = render(<ThemeContext.Provider value="contrast"><LineText line={line} color /></ThemeContext.Provider>);
	assert.equal(lastFrame(), styled('x', 'muted', 'contrast'));
	assert.equal(render(<LineText line={line} color />).lastFrame(), styled('x', 'muted', 'dark'));
});

test('--theme: dark by default; NO_COLOR and --no-color win over any theme', () => {
	assert.equal(parseOptions({}, [], {}).theme, 'dark');
	assert.equal(parseOptions({theme: 'contrast'}, [], {}).theme, 'contrast');
	assert.equal(parseOptions({theme: 'contrast'}, [], {NO_COLOR: '1'}).config.color, false);
	assert.equal(parseOptions({theme: 'light', color: false}, [], {}).config.color, false);
});
