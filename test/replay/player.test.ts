import {test} from 'node:test';
import assert from 'node:assert/strict';
import {initialPlayer, playerReducer, speedText, type PlayerAction, type PlayerState} from '../../source/replay/player.js';
import {replayKeyToAction} from '../../source/replay/replay-keys.js';

const index = {stopsAt: [0, 100, 200, 300, 5000, 9000, 12_000], markersAt: [0, 5000, 9000], durationMs: 12_000};
const run = (...actions: PlayerAction[]): PlayerState => actions.reduce((state, action) => playerReducer(state, action, index), initialPlayer);

test('ticks move the replay at its speed, and it stops (paused) at the end', () => {
	assert.equal(run({type: 'tick', ms: 100}).at, 100);
	assert.equal(run({type: 'speed', by: 1}, {type: 'tick', ms: 100}).at, 200);
	assert.equal(run({type: 'speed', by: -1}, {type: 'speed', by: -1}, {type: 'tick', ms: 100}).at, 25);
	const end = run({type: 'tick', ms: 60_000});
	assert.deepEqual([end.at, end.paused], [12_000, true]);
	assert.equal(playerReducer(end, {type: 'toggle-pause'}, index).at, 0, 'space at the end plays it again');
	assert.equal(run({type: 'toggle-pause'}, {type: 'tick', ms: 500}).at, 0, 'paused: time stands');
});

test('speed goes ×0.25 … ×8 and no further', () => {
	const texts = [initialPlayer];
	for (let i = 0; i < 6; i++) {
		texts.push(playerReducer(texts.at(-1)!, {type: 'speed', by: 1}, index));
	}

	assert.deepEqual(texts.map(speedText), ['×1', '×2', '×4', '×8', '×8', '×8', '×8']);
	assert.equal(speedText(run(...Array.from({length: 5}, () => ({type: 'speed', by: -1}) as const))), '×0.25');
});

test('seek ±5 s within the replay; frames one by one (pausing); home and end; markers', () => {
	assert.equal(run({type: 'seek', ms: 5000}).at, 5000);
	assert.equal(run({type: 'seek', ms: -5000}).at, 0);
	assert.equal(run({type: 'end'}, {type: 'seek', ms: 5000}).at, 12_000);
	const stepped = run({type: 'step', by: 1}, {type: 'step', by: 1});
	assert.deepEqual([stepped.at, stepped.paused], [200, true]);
	assert.equal(run({type: 'tick', ms: 250}, {type: 'step', by: -1}).at, 100, 'back from the frame on screen (200), not from 250');
	assert.equal(run({type: 'end'}, {type: 'home'}).at, 0);
	assert.equal(run({type: 'marker', by: 1}).at, 5000);
	assert.equal(run({type: 'marker', by: 1}, {type: 'marker', by: 1}, {type: 'marker', by: 1}).at, 9000);
	assert.equal(run({type: 'seek', ms: 9200}, {type: 'marker', by: -1}).at, 5000, 'just past a marker, M goes to the one before');
	assert.equal(run({type: 'seek', ms: 10_000}, {type: 'marker', by: -1}).at, 9000);
});

test('keys: ← / → seek, shift or < / > a frame, Home / End, [ ] - + speed, m / M markers; others are not the player’s', () => {
	assert.deepEqual(replayKeyToAction('', {rightArrow: true}), {type: 'seek', ms: 5000});
	assert.deepEqual(replayKeyToAction('', {leftArrow: true}), {type: 'seek', ms: -5000});
	assert.deepEqual(replayKeyToAction('', {leftArrow: true, shift: true}), {type: 'step', by: -1});
	assert.deepEqual(replayKeyToAction('>', {}), {type: 'step', by: 1});
	assert.deepEqual(replayKeyToAction('', {home: true}), {type: 'home'});
	assert.deepEqual(replayKeyToAction('', {end: true}), {type: 'end'});
	assert.deepEqual(replayKeyToAction('[', {}), {type: 'speed', by: -1});
	assert.deepEqual(replayKeyToAction('+', {}), {type: 'speed', by: 1});
	assert.deepEqual(replayKeyToAction('M', {}), {type: 'marker', by: -1});
	assert.equal(replayKeyToAction(' ', {}), null);
	assert.equal(replayKeyToAction('q', {}), null);
	assert.equal(replayKeyToAction('m', {ctrl: true}), null);
});
