import {test} from 'node:test';
import assert from 'node:assert/strict';
import {render} from 'ink-testing-library';
import {Cpu} from '../../source/ui/panels/cpu-panel.js';
import {Model} from '../../source/ui/panels/model-panel.js';
import * as f from './fixtures.js';

const frame = (element: React.ReactElement): string => render(element).lastFrame() ?? '';

test('the last frame: CPU bars and client as the run means, the model with its measured deviation and verdict', () => {
	const cpu = {...f.processes.cpu, perCore: [1, 0.98], perCoreMean: [1, 0.98], history: [[], []], cores: 2, utilisation: 0.99, client: 1.85, final: true};
	assert.equal(
		frame(<Cpu cpu={cpu} width={46} height={4} color={false} />),
		[
			'cpu ───────────────────────────── run mean 99%',
			'cpu0 █████████████████████ 100%',
			'cpu1 ████████████████████▋  98%',
			'client 1.85 of 2 cores · run mean',
		].join('\n'),
	);
	const model = <Model model={f.asyncLoop.model} elapsedMs={57_900} status="done" width={80} height={2} variant="line" color={false} />;
	assert.equal(
		frame(model),
		[
			'model latency n·T/C + C·c₀ = 400,000·100ms/1,000 + 1,000·160µs = 40.2s',
			'      loop    n·c = 400,000·140µs = 56.0s   measured 57.9s (+3%)   loop-bound',
		].join('\n'),
	);
});

test('the last frame of a run no CPU sample saw: CPU unknown (—), never 0%, beside the client measured from its workers', () => {
	const cpu = {...f.processes.cpu, perCore: [0, 0], perCoreMean: [0, 0], history: [[], []], cores: 2, utilisation: 0, client: 0.18, final: false, sampled: false};
	assert.equal(
		frame(<Cpu cpu={cpu} width={46} height={4} color={false} />),
		[
			'cpu ──────────────────────────────────────── —',
			'cpu0                          —',
			'cpu1                          —',
			'client 0.18 of 2 cores · machine run mean —',
		].join('\n'),
	);
});

test('a run paused for 3 s: the model line measures the time less the pause, and says so', () => {
	const props = {model: f.processes.model, elapsedMs: 23_100, pausedMs: 3000, width: 120, height: 2, variant: 'line', color: false} as const;
	assert.equal(frame(<Model {...props} status="done" />), 'model n·T/P = 400·100ms/2 = 20.0s   measured 20.1s (+1%, 3.0s paused not counted)   latency-bound');
	assert.equal(frame(<Model {...props} status="paused" />), 'model n·T/P = 400·100ms/2 = 20.0s   measured 20.1s so far (3.0s paused not counted)   latency-bound');
});
