import assert from 'node:assert/strict';
import {test} from 'node:test';
import {UsageError} from '../../source/config/errors.js';
import {markersOf, parseCast} from '../../source/export/cast.js';
import {type Line, linesOf} from '../../source/export/lines.js';
import {SMALL_CAST} from './cast-fixture.js';

test('a recording reads back with its size, events, duration and markers', () => {
	const cast = parseCast(SMALL_CAST);
	assert.deepEqual([cast.width, cast.height, cast.events.length, cast.duration], [40, 5, 4, 1.5]);
	assert.deepEqual(markersOf(cast), [{time: 0.1, label: '1/11 Sequential – 4 URLs'}, {time: 1, label: 'threads'}]);
});

test('a malformed recording is a usage error that names what is wrong, in one line', () => {
	const cases: [string, RegExp][] = [
		['', /\(the file is empty\)$/],
		['hello\n', /\(line 1 is not a JSON header\)$/],
		['{"version":1,"width":80,"height":24}\n', /\(line 1 is not a version 2 header\)$/],
		['{"version":2}\n', /\(the header has no width and height\)$/],
		['{"version":2,"width":80,"height":24}\n[0.1,"o","x"]\nnope\n', /\(line 3 is not JSON\)$/],
		['{"version":2,"width":80,"height":24}\n[0.1,"o"]\n', /\(line 2 is not a \[time, code, data\] event\)$/],
	];
	for (const [text, message] of cases) {
		assert.throws(() => parseCast(text, 'x.cast'), (error: unknown) => {
			assert.ok(error instanceof UsageError);
			assert.match(error.message, /^x\.cast: not an asciicast v2 recording /);
			assert.match(error.message, message);
			assert.doesNotMatch(error.message, /\n/);
			return true;
		});
	}
});

test('a last line cut mid-line is dropped; a bad line a newline ended is not', () => {
	const cut = SMALL_CAST.trimEnd().slice(0, -6);
	assert.deepEqual(parseCast(cut).events.map((e) => e.data), ['1/11 Sequential – 4 URLs', parseCast(SMALL_CAST).events[1]!.data, 'threads']);
	assert.throws(() => parseCast(`${cut}\n`, 'x.cast'), /\(line 5 is not JSON\)$/);
});

test('lines are split as bytes, a long one refused before it is all read', async () => {
	const chunks = async function * () {
		yield Buffer.from('one\ntw');
		yield Buffer.from('o\n\u00E9\u00E9');
		yield Buffer.from('x'.repeat(10));
	};

	const lines: Line[] = [];
	for await (const batch of linesOf(chunks(), 100, () => assert.fail('not too long'))) {
		lines.push(...batch);
	}

	assert.deepEqual(lines, [{text: 'one', number: 1, terminated: true}, {text: 'two', number: 2, terminated: true}, {text: `\u00E9\u00E9${'x'.repeat(10)}`, number: 3, terminated: false}]);
	await assert.rejects(async () => {
		for await (const _ of linesOf(chunks(), 8, (number) => {
			throw new Error(`line ${number} too long`);
		})) {
			// Read on.
		}
	}, /line 3 too long/);
});
