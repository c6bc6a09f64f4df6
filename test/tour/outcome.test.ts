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

test('the closing leaderboard’s ranking by active time; a run stopped at the bound by the model’s time, marked', () => {
	const stopped = {...f.result('processes', 4000, 200_000, 0.01), completed: 80, cancelled: 320};
	const results = [{...f.result('sequential', 9000, 4000, 0.01), pausedMs: 5000}, f.result('threads', 5000, 1000, 0.02), stopped];
	const outcome = outcomeOf(f.view(null, {compare: {...f.compare, results, running: null}}), 4);
	assert.deepEqual(outcome, {kind: 'compare', requested: 400, ranking: [
		{mode: 'sequential', ms: 4000, extrapolated: false},
		{mode: 'threads', ms: 5000, extrapolated: false},
		{mode: 'processes', ms: 200_000, extrapolated: true},
	]});
});

test('a bounded scene’s run is bounded only when the bound stopped it, never left mid-run', () => {
	const run = {...f.processes.run, requested: 4000};
	const atBound = outcomeOf(f.view({...f.processes, run, status: 'cancelled', elapsedMs: 12_050, completed: 118, failed: 0}), 12);
	assert.deepEqual(atBound?.kind === 'run' && [atBound.bounded, atBound.left], [true, false]);
	const early = outcomeOf(f.view({...f.processes, run, status: 'cancelled', elapsedMs: 6000, completed: 60, failed: 0}), 12);
	assert.deepEqual(early?.kind === 'run' && [early.bounded, early.left], [false, false], 'cancelled by a key before the bound');
	const whole = outcomeOf(f.view({...f.processes, status: 'done', elapsedMs: 20_000, completed: 400, failed: 0}), 12);
	assert.deepEqual(whole?.kind === 'run' && [whole.bounded, whole.left], [false, false], 'ran to its end');
});
