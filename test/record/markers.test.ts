import assert from 'node:assert/strict';
import {test} from 'node:test';
import {eventLine} from '../../source/record/asciicast.js';
import {createMarkers} from '../../source/record/markers.js';
import {config, view} from '../ui/fixtures.js';

test('one marker per mode switch, and one per scene without a second one for the mode it starts', () => {
	const marks: string[] = [];
	const markers = createMarkers((label) => marks.push(label));
	markers.view(view(null, {config: {...config, mode: 'sequential'}}));
	markers.view(view(null, {config: {...config, mode: 'sequential'}}));
	markers.view(view(null, {config: {...config, mode: 'async'}}));
	markers.scene('2/11 Multiple processes', 'processes');
	markers.view(view(null, {config: {...config, mode: 'processes'}}));
	markers.view(view(null, {config: {...config, mode: 'threads'}}));
	markers.view(view(null, {config: {...config, mode: 'threads'}, compare: {modes: ['sequential', 'threads'], results: [], running: 'sequential'}}));
	markers.view(view(null, {config: {...config, mode: 'sequential'}, compare: {modes: ['sequential', 'threads'], results: [], running: 'threads'}}));
	markers.view(view(null, {config: {...config, mode: 'sequential'}, compare: {modes: ['sequential', 'threads'], results: [], running: null}}));
	assert.deepEqual(marks, ['sequential', 'async', '2/11 Multiple processes', 'threads', 'sequential', 'threads'], 'a finished comparison is no switch');
});

test('a marker is an asciicast v2 "m" event', () => {
	assert.equal(eventLine([1.5, 'm', '3/11 Threads']), '[1.5,"m","3/11 Threads"]\n');
});
