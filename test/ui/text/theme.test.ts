import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {THEME_STYLES, setTheme, styleOf, styled} from '../../../source/ui/text/theme.js';
import {parseOptions} from '../../../source/cli/options.js';

afterEach(() => {
	setTheme('dark');
});

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

test('the theme set is the one the UI draws with; colour off still means no style at all', () => {
	setTheme('contrast');
	assert.deepEqual(styleOf('muted', true), {color: 'white', bold: true});
	assert.equal(styled('x', 'muted'), '\u001B[37m\u001B[1mx\u001B[22m\u001B[39m');
	assert.deepEqual(styleOf('muted', false), {});
	setTheme('light');
	assert.deepEqual(styleOf('io', true), {color: 'blue'});
	setTheme('dark');
	assert.deepEqual(styleOf('io', true), {color: 'cyan'});
});

test('--theme: dark by default; NO_COLOR and --no-color win over any theme', () => {
	assert.equal(parseOptions({}, [], {}).theme, 'dark');
	assert.equal(parseOptions({theme: 'contrast'}, [], {}).theme, 'contrast');
	assert.equal(parseOptions({theme: 'contrast'}, [], {NO_COLOR: '1'}).config.color, false);
	assert.equal(parseOptions({theme: 'light', color: false}, [], {}).config.color, false);
});
