import assert from 'node:assert/strict';
import {stripAnsi} from './fixtures.js';

/** Every line of a frame fits `width` cells once ANSI codes are removed. */
export function assertFits(frame: string, width: number, height?: number): void {
	const lines = frame.split('\n');
	for (const [i, line] of lines.entries()) {
		const cells = [...stripAnsi(line)].length;
		assert.ok(cells <= width, `line ${i} is ${cells} cells, more than ${width}: ${JSON.stringify(line)}`);
	}

	if (height !== undefined) {
		assert.ok(lines.length <= height, `${lines.length} lines, more than ${height}`);
	}
}
