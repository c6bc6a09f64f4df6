import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {Leaderboard} from '../../../source/ui/panels/leaderboard.js';
import * as f from '../fixtures.js';
import {assertFits} from '../helpers.js';

test('leaderboard mid-comparison: one scale, speed-up, the running mode marked, the rest waiting', () => {
	const {lastFrame} = render(<Leaderboard compare={f.compare} width={80} height={8} color={false} />);
	assert.equal(
		lastFrame(),
		[
			'compare ──────────────────────────────────────────────────────────── 4 of 6 done',
			'  mode              wall time, one scale              req/s   cpu   model   diff',
			'  sequential        ███████████████████ 40.2s           9.9    1%   40.0s    +1%',
			'  processes         ████▉ 10.3s ×3.9                     39    3%   10.0s    +3%',
			'  threads           ████▊ 10.1s ×4.0                     40    2%   10.0s    +1%',
			'★ processes-threads █▎ 2.6s ×15                         152    5%    2.5s    +6%',
			'▸ async             running…',
			'  processes-async   ·',
		].join('\n'),
	);
});

test('leaderboard when every mode is done: the fastest starred', () => {
	const done = {
		...f.compare,
		running: null,
		results: [...f.compare.results, f.result('async', 450, 400, 0.25), f.result('processes-async', 210, 200, 0.9)],
	};
	const {lastFrame} = render(<Leaderboard compare={done} width={80} height={8} color={false} />);
	assert.equal(
		lastFrame(),
		[
			'compare ───────────────────────────────────────────────────────────── all 6 done',
			'  mode              wall time, one scale              req/s   cpu   model   diff',
			'  sequential        ███████████████████ 40.2s           9.9    1%   40.0s    +1%',
			'  processes         ████▉ 10.3s ×3.9                     39    3%   10.0s    +3%',
			'  threads           ████▊ 10.1s ×4.0                     40    2%   10.0s    +1%',
			'  processes-threads █▎ 2.6s ×15                         152    5%    2.5s    +6%',
			'  async             ▎ 450ms ×89                         889   25%   400ms   +13%',
			'★ processes-async   ▏ 210ms ×191                      1,905   90%   200ms    +5%',
		].join('\n'),
	);
});

test('leaderboard at 60 columns keeps requests/s and fits', () => {
	const {lastFrame} = render(<Leaderboard compare={f.compare} width={60} height={8} color={false} />);
	assert.equal(
		lastFrame(),
		[
			'compare ──────────────────────────────────────── 4 of 6 done',
			'  mode              wall time, one scale               req/s',
			'  sequential        ████████████████████ 40.2s           9.9',
			'  processes         █████▏ 10.3s ×3.9                     39',
			'  threads           █████ 10.1s ×4.0                      40',
			'★ processes-threads █▍ 2.6s ×15                          152',
			'▸ async             running…',
			'  processes-async   ·',
		].join('\n'),
	);
	for (const width of [60, 61, 79, 100]) {
		assertFits(render(<Leaderboard compare={f.compare} width={width} height={8} color />).lastFrame() ?? '', width, 8);
	}
});

test('leaderboard with runs stopped at a bound: the model’s time for all n, marked ≈, no diff; measured runs as measured', () => {
	const stopped = (mode: Parameters<typeof f.result>[0], predictedMs: number, done: number) =>
		({...f.result(mode, 4000, predictedMs, 0.02), requested: 4000, completed: done, cancelled: 4000 - done, requestsPerSecond: done / 4});
	const whole = (mode: Parameters<typeof f.result>[0], wallMs: number, predictedMs: number, rps: number, cpu: number) =>
		({...f.result(mode, wallMs, predictedMs, cpu), requested: 4000, completed: 4000, requestsPerSecond: rps});
	const results = [
		stopped('sequential', 400_000, 39), stopped('processes', 200_000, 78), stopped('threads', 200_000, 78), stopped('processes-threads', 50_000, 312),
		whole('async', 4300, 4040, 930, 0.3), whole('processes-async', 2300, 2040, 1739, 0.6),
	];
	const {lastFrame} = render(<Leaderboard compare={{...f.compare, results, running: null}} width={80} height={8} color={false} />);
	assert.equal(
		lastFrame(),
		[
			'compare ─────────────────────────────── ≈ extrapolated by the model · all 6 done',
			'  mode              wall time, one scale              req/s   cpu   model   diff',
			'  sequential        █████████████████ ≈6m40s            9.8    2%   6m40s      —',
			'  processes         ████████▌ ≈3m20s ≈×2.0               20    2%   3m20s      —',
			'  threads           ████████▌ ≈3m20s ≈×2.0               20    2%   3m20s      —',
			'  processes-threads ██▏ ≈50.0s ≈×8.0                     78    2%   50.0s      —',
			'  async             ▏ 4.3s ≈×93                         930   30%    4.0s    +6%',
			'★ processes-async   ▏ 2.3s ≈×174                      1,739   60%    2.0s   +13%',
		].join('\n'),
	);
});
