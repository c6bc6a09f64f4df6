import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {Dashboard} from '../../source/ui/dashboard.js';
import {Leaderboard} from '../../source/ui/panels/leaderboard.js';
import * as f from './fixtures.js';
import {renderAt} from './render-at.js';

test('paused time: the header clock shows the run’s active time (wall less paused), not the wall clock', () => {
	const paused = {...f.processes, status: 'paused', elapsedMs: 9000, pausedMs: 4000} as const;
	const {lastFrame, unmount} = renderAt(<Dashboard view={f.view(paused)} width={80} height={24} color={false} showHelp={false} />, 80, 24);
	const first = lastFrame().split('\n')[0]!;
	unmount();
	assert.match(first, /‖ paused {2}5\.0s$/, first);
});

test('paused time: the leaderboard sets the active time against the model, not the wall time', () => {
	// 14 s of wall time of which 4 s paused: 10 s measured against 10 s predicted.
	const compare = {...f.compare, results: [f.result('sequential', 40_210, 40_000, 0.01), {...f.result('processes', 14_000, 10_000, 0.03), pausedMs: 4000}]};
	const lines = render(<Leaderboard compare={compare} width={80} height={8} color={false} />).lastFrame()!.split('\n');
	const processes = lines.find((line) => line.includes(' processes '))!;
	assert.match(processes, / 10\.0s +\+0%$/, processes);
});
