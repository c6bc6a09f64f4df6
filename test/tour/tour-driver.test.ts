import assert from 'node:assert/strict';
import {setTimeout as delay} from 'node:timers/promises';
import {test} from 'node:test';
import type {RunConfig} from '../../source/config/config.js';
import type {Command, View} from '../../source/view/contract.js';
import type {DashboardController} from '../../source/frontends/dashboard-controller.js';
import type {Snapshot} from '../../source/metrics/snapshot.js';
import {SCENES, type Scene} from '../../source/tour/scenes.js';
import {createTourDriver} from '../../source/tour/tour-driver.js';
import {config, processes, view} from '../ui/fixtures.js';

/** A controller that records what the driver asks and publishes the views a test hands it. */
function fakeController() {
	const listeners = new Set<(v: View) => void>();
	const played: {mode: string; requests: number; compare: boolean}[] = [];
	const commands: Command[] = [];
	let current = view(null);
	const controller: DashboardController = {
		getView: () => current,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		dispatch(command) {
			commands.push(command);
		},
		start() {},
		play(runConfig: RunConfig, compare: boolean) {
			played.push({mode: runConfig.mode, requests: runConfig.requests, compare});
		},
		finished: Promise.resolve(),
	};
	const show = (v: View): void => {
		current = v;
		for (const listener of listeners) {
			listener(v);
		}
	};

	return {controller, played, commands, show};
}

const snapshot = (status: Snapshot['status'], elapsedMs: number, extra: Partial<Snapshot> = {}): Snapshot => ({...processes, status, elapsedMs, ...extra});

/** The new run's first view (no snapshot yet), then its frames. */
function runFrames(show: (v: View) => void, ...frames: Snapshot[]): void {
	show(view(null));
	for (const frame of frames) {
		show(view(frame));
	}
}

const three: readonly Scene[] = [SCENES[0]!, SCENES[3]!, SCENES[10]!];

test('the presenter drives: each move plays the scene’s preset, in order, and marks it', () => {
	const {controller, played, show} = fakeController();
	const marks: string[] = [];
	const driver = createTourDriver({scenes: SCENES, base: config, controller, session: {cancel() {}, paused: false}, autoplay: null, onScene: (s, i) => marks.push(`${i + 1} ${s.id}`)});
	driver.start();
	for (const action of ['next', 'next', 'previous', 'rerun', 'next', 'next'] as const) {
		driver.dispatch({type: action});
	}

	runFrames(show, snapshot('done', 400));
	assert.deepEqual(played.map((p) => `${p.mode} ${p.requests}`), [
		'sequential 4', 'processes 4', 'threads 4', 'processes 4', 'processes 4', 'threads 4', 'sequential 4000',
	]);
	assert.deepEqual(marks, ['1 problem', '2 processes', '3 threads', '2 processes', '2 processes', '3 threads', '4 four-thousand']);
	assert.equal(driver.getTour().nextAt, null, 'no autoplay: the scene stays');
	assert.equal(driver.getTour().state.index, 3);
});

/** A tour on its second scene (a bounded one), counting the session's cancels. */
function onBoundedScene() {
	const {controller, show} = fakeController();
	const counts = {cancels: 0};
	const driver = createTourDriver({scenes: three, base: config, controller, session: {cancel() {
		counts.cancels++;
	}, paused: false}, autoplay: null});
	driver.start();
	driver.dispatch({type: 'next'});
	return {driver, show, counts};
}

/** A run the model says takes 400 s: far past the scene's 12 s bound. */
const long = (extra: Partial<Snapshot> = {}): Partial<Snapshot> => ({model: {...processes.model, predictedMs: 400_000}, ...extra});

test('a bounded scene stops its run once it has run for the bound', () => {
	const {driver, show, counts} = onBoundedScene();
	runFrames(show, snapshot('running', 5000, long()), snapshot('running', 11_900, long()));
	assert.equal(counts.cancels, 0);
	show(view(snapshot('running', 12_000, long())));
	assert.equal(counts.cancels, 1);
	show(view(snapshot('cancelled', 12_050, long({completed: 120, failed: 0, cancelled: 3880, run: {...processes.run, requested: 4000}}))));
	const outcome = driver.getTour().outcomes[1];
	assert.deepEqual(outcome && outcome.kind === 'run' ? [outcome.done, outcome.requested, outcome.bounded] : outcome, [120, 4000, true]);
});

test('a bounded scene counts its active time toward the bound: a pause does not use it up', () => {
	const {driver, show, counts} = onBoundedScene();
	// 20 s on the wall clock, 9 s of them paused: 11 s of the 12 s bound.
	runFrames(show, snapshot('running', 5000, long()), snapshot('running', 20_000, long({pausedMs: 9000})));
	assert.equal(counts.cancels, 0);
	show(view(snapshot('running', 21_000, long({pausedMs: 9000}))));
	assert.equal(counts.cancels, 1);
});

test('a bounded scene measures a run the model expects within two bounds to its end, and stops any at three', () => {
	const {show, counts} = onBoundedScene();
	// The fixture's model says 20 s: under 2 × 12 s, so the run goes on past the bound.
	runFrames(show, snapshot('running', 12_000), snapshot('running', 35_900));
	assert.equal(counts.cancels, 0);
	show(view(snapshot('running', 36_000)));
	assert.equal(counts.cancels, 1, 'at 3 × 12 s it stops whatever the model said');
});

test('the previous run’s last view does not count for the new scene', () => {
	const {controller, show} = fakeController();
	const driver = createTourDriver({scenes: three, base: config, controller, session: {cancel() {}, paused: false}, autoplay: 0});
	driver.start();
	show(view(snapshot('done', 400)));
	assert.equal(driver.getTour().nextAt, null);
	assert.equal(driver.getTour().outcomes[0], undefined);
});

test('--autoplay: each run ends, the scene waits, the next one plays; after the last the tour ends with a quit', async () => {
	const {controller, played, commands, show} = fakeController();
	const driver = createTourDriver({scenes: three, base: config, controller, session: {cancel() {}, paused: false}, autoplay: 0.05});
	driver.start();
	runFrames(show, snapshot('running', 100), snapshot('done', 400));
	assert.ok(driver.getTour().nextAt !== null, 'a countdown once the run has ended');
	await delay(120);
	assert.equal(driver.getTour().state.index, 1);
	runFrames(show, snapshot('cancelled', 12_000));
	await delay(120);
	assert.equal(driver.getTour().state.index, 2);
	const modes = config.mode;
	show(view(null));
	show(view(null, {compare: {modes: [modes], results: [], running: modes}}));
	await delay(120);
	assert.equal(commands.length, 0, 'the comparison is still running');
	show(view(null, {compare: {modes: [modes], results: [{...played[0]!, mode: modes} as never], running: null}}));
	await delay(120);
	assert.equal(driver.getTour().state.ended, true);
	assert.deepEqual(commands, [{type: 'quit'}]);
	assert.deepEqual(played.map((p) => p.compare), [false, false, true]);
});

test('autoplay waits while the run is paused', async () => {
	const {controller, show} = fakeController();
	const session = {cancel() {}, paused: true};
	const driver = createTourDriver({scenes: three, base: config, controller, session, autoplay: 0.02});
	driver.start();
	runFrames(show, snapshot('done', 400));
	await delay(150);
	assert.equal(driver.getTour().state.index, 0);
	session.paused = false;
	await delay(400);
	assert.equal(driver.getTour().state.index, 1);
});

test('a scene left mid-run keeps its partial figures for the summary', () => {
	const {controller, show} = fakeController();
	const driver = createTourDriver({scenes: three, base: config, controller, session: {cancel() {}, paused: false}, autoplay: null});
	driver.start();
	driver.dispatch({type: 'next'});
	runFrames(show, snapshot('running', 8100, {completed: 520, failed: 0, run: {...processes.run, requested: 4000}}));
	driver.dispatch({type: 'next'});
	const outcome = driver.getTour().outcomes[1];
	assert.deepEqual(outcome && outcome.kind === 'run' ? [outcome.done, outcome.requested, outcome.elapsedMs, outcome.bounded, outcome.left] : outcome, [520, 4000, 8100, false, true]);
	assert.equal(driver.getTour().outcomes[0], undefined, 'the first scene never showed a frame of its own');
});
