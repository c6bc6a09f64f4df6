import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readSave} from '../../source/replay/reader.js';
import {Timeline} from '../../source/replay/timeline.js';
import {writeSmallSave} from '../helpers/save.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-timeline-'));
const recording = readSave(await writeSmallSave(join(dir, 'three.cvz'), 3));
const shown = (timeline: Timeline, i: number): string => JSON.stringify(timeline.snapshot(i));

test('the timeline has a stop per saved frame, a marker per run, and each run’s result', () => {
	const timeline = new Timeline(recording);
	// Per run: its start, 20 frames, the last frame and the one after the end.
	assert.equal(timeline.stops.length, 3 * 23);
	assert.equal(timeline.markersAt.length, 3);
	assert.deepEqual(timeline.results.map(r => r?.completed), [39, 39, 39]);
	assert.ok(timeline.stopsAt.every((at, i) => i === 0 || at >= timeline.stopsAt[i - 1]!), 'stops in playback order');
	// Runs 500 ms apart play 500 ms apart; a run's own time plays as it was.
	assert.equal(timeline.markersAt[1]! - timeline.stopsAt[22]!, 450);
	assert.equal(timeline.durationMs, timeline.stopsAt.at(-1));
});

test('a stop reached by seeking, in any order, is the snapshot reached by playing through', () => {
	const played = new Timeline(recording);
	const inOrder = played.stops.map((_, i) => shown(played, i));
	const sought = new Timeline(recording);
	const order = [...inOrder.keys()].sort((a, b) => ((a * 7919) % 61) - ((b * 7919) % 61));
	for (const i of [...order, 68, 0, 68, 30, 29, 31]) {
		assert.equal(shown(sought, i), inOrder[i], `stop ${i}`);
	}

	const last = JSON.parse(inOrder.at(-1)!) as {status: string; completed: number; failed: number};
	assert.deepEqual([last.status, last.completed, last.failed], ['done', 39, 1]);
});

test('stopAt: the stop on screen at a playback time is the last one at or before it', () => {
	const timeline = new Timeline(recording);
	assert.equal(timeline.stopAt(-5), 0);
	assert.equal(timeline.stopAt(timeline.stopsAt[5]!), 5);
	assert.equal(timeline.stopAt(timeline.stopsAt[5]! + 0.5), 5);
	assert.equal(timeline.stopAt(1e12), timeline.stops.length - 1);
});
