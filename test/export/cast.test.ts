import assert from 'node:assert/strict';
import {test} from 'node:test';
import {UsageError} from '../../source/config/errors.js';
import {markersOf, parseCast} from '../../source/export/cast.js';
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
