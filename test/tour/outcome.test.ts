import assert from 'node:assert/strict';
import {test} from 'node:test';
import {outcomeOf} from '../../source/tour/outcome.js';
import * as f from '../ui/fixtures.js';

test('a scene’s outcome counts its active time: the time paused is left out, as on the header’s clock', () => {
	const paused = {...f.processes, status: 'cancelled', elapsedMs: 11_800, pausedMs: 5000} as const;
	const outcome = outcomeOf(f.view(paused), 12);
	assert.equal(outcome?.kind, 'run');
	assert.equal(outcome.kind === 'run' && outcome.elapsedMs, 6800);
});

test('the closing leaderboard’s fastest and slowest by active time', () => {
	const results = [{...f.result('sequential', 9000, 4000, 0.01), pausedMs: 5000}, f.result('threads', 5000, 1000, 0.02)];
	const outcome = outcomeOf(f.view(null, {compare: {...f.compare, results, running: null}}), undefined);
	assert.deepEqual(outcome, {kind: 'compare', requested: 400, fastest: 'sequential', fastestMs: 4000, slowest: 'threads', slowestMs: 5000});
});
