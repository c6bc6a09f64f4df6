import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {render} from 'ink-testing-library';
import {setLang} from '../../source/i18n/catalogue.js';
import {endedAtBound, pastBound} from '../../source/tour/bound.js';
import {Header} from '../../source/ui/panels/header.js';
import * as f from '../ui/fixtures.js';

afterEach(() => {
	setLang('en');
});

const run = (status: 'running' | 'cancelled' | 'done', elapsedMs: number, predictedMs: number) =>
	({...f.processes, status, elapsedMs, completed: 118, failed: 0, run: {...f.processes.run, requested: 4000}, model: {...f.processes.model, predictedMs}});

test('the bound stops a run the model puts past two bounds once it has run for the bound; a shorter one at three bounds', () => {
	assert.equal(pastBound(run('running', 11_999, 400_000), 12), false);
	assert.equal(pastBound(run('running', 12_000, 400_000), 12), true);
	assert.equal(pastBound(run('running', 12_000, 24_000), 12), false, 'within two bounds: measured to its end');
	assert.equal(pastBound(run('running', 35_999, 24_000), 12), false);
	assert.equal(pastBound(run('running', 36_000, 24_000), 12), true, 'never past three bounds');
	assert.equal(pastBound(run('running', 60_000, 400_000), undefined), false, 'a scene with no bound');
	assert.equal(pastBound({...run('running', 20_000, 400_000), pausedMs: 9000}, 12), false, 'a pause does not use up the bound');
});

test('a run ended at the bound: cancelled with tasks left, after the bound of active time', () => {
	assert.equal(endedAtBound(run('cancelled', 12_050, 400_000), 12), true);
	assert.equal(endedAtBound(run('cancelled', 6000, 400_000), 12), false, 'cancelled before the bound: a key, not the bound');
	assert.equal(endedAtBound(run('done', 12_050, 400_000), 12), false);
	assert.equal(endedAtBound(run('cancelled', 12_050, 400_000), undefined), false);
});

const header = (stoppedAtBound: number | undefined) => render(
	<Header run={{...f.processes.run, requested: 4000}} status="cancelled" elapsedMs={12_050} done={118} etaMs={null} tag="" stoppedAtBound={stoppedAtBound} width={100} color={false} />,
).lastFrame();

test('a bounded scene ends as bounded: the header says it stopped as planned, not cancelled (en and pt)', () => {
	assert.equal(header(12)?.split('\n')[0], `concviz  processes  io · n=4,000 · T=100ms · P=2${' '.repeat(13)}■ stopped after 12 s, as planned  12.1s`);
	assert.match(header(undefined)?.split('\n')[0] ?? '', /■ cancelled {2}12\.1s$/, 'a run cancelled otherwise still says so');
	setLang('pt');
	assert.equal(header(12)?.split('\n')[0], `concviz  processes  io · n=4.000 · T=100ms · P=2${' '.repeat(12)}■ parada após 12 s, como previsto  12,1s`);
});
