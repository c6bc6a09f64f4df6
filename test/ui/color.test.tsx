import {test} from 'node:test';
import assert from 'node:assert/strict';
import * as f from './fixtures.js';

// Force chalk to emit colour even though stdout is not a terminal, before Ink loads.
process.env['FORCE_COLOR'] = '1';
const {render} = await import('ink-testing-library');
const {Dashboard} = await import('../../source/ui/dashboard.js');
const {Lanes} = await import('../../source/ui/panels/lanes-panel.js');
const {colorEnabled, stateGlyph} = await import('../../source/ui/text/theme.js');

const ESC = '\u001B';

test('with colour on, the screen is coloured', () => {
	const {lastFrame} = render(<Dashboard view={f.view(f.processes)} width={80} height={24} color showHelp={false} />);
	assert.ok(lastFrame()?.includes(`${ESC}[`));
});

test('with colour off, not one escape code, even where colour is forced', () => {
	for (const snapshot of [f.processes, f.processesThreads, f.asyncLoop, f.sixteen]) {
		for (const [width, height] of [
			[80, 24],
			[60, 16],
			[50, 10],
		] as const) {
			const {lastFrame, unmount} = render(
				<Dashboard view={f.view(snapshot, {compare: f.compare, notice: 'hi'})} width={width} height={height} color={false} showHelp={false} />,
			);
			assert.ok(!lastFrame()?.includes(ESC), `escape code in ${snapshot.run.mode} ${width}×${height}`);
			unmount();
		}
	}

	const help = render(<Dashboard view={f.view(f.processes)} width={80} height={24} color={false} showHelp />).lastFrame();
	assert.ok(!help?.includes(ESC));
});

test('without colour the lane states still differ, by glyph', () => {
	const glyphs = Object.values(stateGlyph);
	assert.equal(new Set(glyphs).size, 6);
	assert.ok(glyphs.every((g) => [...g].length === 1 && g !== ' '));
	const lanes = [f.lane(0, 'cccciiiiggggssss....xxxx')];
	const {lastFrame} = render(<Lanes lanes={lanes} mode="threads" width={35} height={2} secondsPerSlice={null} color={false} />);
	assert.equal(lastFrame(), ['lanes ──────────────── time → tasks', 't0   ████░░░░▒▒▒▒▓▓▓▓····××××    10'].join('\n'));
});

test('NO_COLOR set to anything, or --no-color, turns colour off', () => {
	assert.equal(colorEnabled(true, {}), true);
	assert.equal(colorEnabled(false, {}), false);
	assert.equal(colorEnabled(true, {NO_COLOR: ''}), false);
	assert.equal(colorEnabled(true, {NO_COLOR: '1'}), false);
});
