import {test} from 'node:test';
import assert from 'node:assert/strict';
import {MODES, type RunConfig} from '../../source/config/config.js';
import {createDashboardController} from '../../source/frontends/dashboard-controller.js';
import type {View} from '../../source/view/contract.js';
import type {RunResult, Snapshot} from '../../source/metrics/snapshot.js';
import type {Session} from '../../source/session/session.js';
import {config, processes, result} from '../ui/fixtures.js';

/** A session that records what it is asked and ends each run when the test says (or at once). */
function fakeSession(options: {autoEnd?: boolean; fail?: string} = {}) {
	const log: string[] = [];
	const listeners = new Set<(snapshot: Snapshot) => void>();
	let paused = false;
	let end: ((r: RunResult) => void) | undefined;
	let endMode: RunConfig['mode'] = 'sequential';
	const session: Session = {
		async run(c) {
			log.push(`run ${c.mode} n=${c.requests}`);
			if (options.fail !== undefined) {
				throw new Error(options.fail);
			}

			endMode = c.mode;
			if (options.autoEnd === true) {
				return result(c.mode, 1000, 1000, 0.5);
			}

			return new Promise<RunResult>((resolve) => {
				end = resolve;
			});
		},
		cancel() {
			log.push('cancel');
			const finish = end;
			end = undefined;
			finish?.(result(endMode, 500, 1000, 0.5));
		},
		pause() {
			paused = true;
			log.push('pause');
		},
		resume() {
			paused = false;
			log.push('resume');
		},
		get paused() {
			return paused;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		onPreparing() {
			return () => undefined;
		},
		async close() {
			log.push('close');
			session.cancel();
		},
	};
	return {
		session,
		log,
		publish(snapshot: Snapshot) {
			for (const listener of listeners) {
				listener(snapshot);
			}
		},
		finishRun() {
			const finish = end;
			end = undefined;
			finish?.(result(endMode, 1000, 1000, 0.5));
		},
	};
}

const settle = async (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const initial: RunConfig = {...config, mode: 'sequential'};

test('start runs the initial config; snapshots from the session reach the view', async () => {
	const fake = fakeSession();
	const controller = createDashboardController(initial, fake.session);
	const views: View[] = [];
	controller.subscribe((view) => views.push(view));
	controller.start(false);
	await settle();
	assert.deepEqual(fake.log, ['cancel', 'run sequential n=400']);
	fake.publish(processes);
	assert.equal(controller.getView().snapshot, processes);
	assert.ok(views.length >= 2);
});

test('a mode key cancels the run and starts the next only once the previous one has ended', async () => {
	const fake = fakeSession();
	const controller = createDashboardController(initial, fake.session);
	controller.start(false);
	await settle();
	controller.dispatch({type: 'mode', mode: 'async'});
	await settle();
	assert.deepEqual(fake.log, ['cancel', 'run sequential n=400', 'cancel', 'run async n=400']);
	assert.equal(controller.getView().config.mode, 'async');
	assert.equal(controller.getView().snapshot, null);
});

test('two keys in a row run only the last config', async () => {
	const fake = fakeSession();
	const controller = createDashboardController(initial, fake.session);
	controller.start(false);
	await settle();
	controller.dispatch({type: 'mode', mode: 'threads'});
	controller.dispatch({type: 'cycle-requests'});
	await settle();
	assert.deepEqual(fake.log, ['cancel', 'run sequential n=400', 'cancel', 'cancel', 'run threads n=4000']);
});

test('a key the mode refuses leaves the run and the config alone and shows why', async () => {
	const fake = fakeSession();
	const controller = createDashboardController(initial, fake.session);
	controller.start(false);
	await settle();
	controller.dispatch({type: 'workers', delta: 1});
	await settle();
	assert.deepEqual(fake.log, ['cancel', 'run sequential n=400']);
	assert.deepEqual(controller.getView().config, initial);
	assert.equal(controller.getView().notice, 'sequential runs one worker; workers apply to modes 2, 3, 4, 6');
});

test('a key refused in one mode does not show up in the next: [ in threads, then 5, runs async at the C it had', async () => {
	const fake = fakeSession();
	const controller = createDashboardController({...initial, mode: 'threads', concurrency: 1000}, fake.session);
	controller.start(false);
	await settle();
	controller.dispatch({type: 'concurrency', delta: -1});
	assert.equal(controller.getView().notice, 'concurrency applies to the async modes (5, 6)');
	controller.dispatch({type: 'mode', mode: 'async'});
	await settle();
	assert.equal(controller.getView().config.concurrency, 1000);
	assert.equal(controller.getView().notice, '');
	assert.deepEqual(fake.log, ['cancel', 'run threads n=400', 'cancel', 'run async n=400']);
});

test('n comes back to the count the session started with, which the view lists among its steps', async () => {
	const fake = fakeSession();
	const controller = createDashboardController(initial, fake.session);
	assert.deepEqual(controller.getView().requestSteps, [4, 400, 4000, 400_000, 4_000_000]);
	controller.start(false);
	await settle();
	for (let i = 0; i < 5; i++) {
		controller.dispatch({type: 'cycle-requests'});
		await settle();
	}

	assert.deepEqual(fake.log.filter((line) => line.startsWith('run')), ['run sequential n=400', 'run sequential n=4000', 'run sequential n=400000', 'run sequential n=4000000', 'run sequential n=4', 'run sequential n=400']);
});

test('space pauses and resumes, with a notice while paused', async () => {
	const fake = fakeSession();
	const controller = createDashboardController(initial, fake.session);
	controller.start(false);
	await settle();
	controller.dispatch({type: 'toggle-pause'});
	assert.equal(controller.getView().notice, 'paused: no new tasks are handed out (space resumes)');
	controller.dispatch({type: 'toggle-pause'});
	assert.equal(controller.getView().notice, '');
	assert.deepEqual(fake.log.slice(-2), ['pause', 'resume']);
});

test('compare runs every mode in key order and collects their results', async () => {
	const fake = fakeSession({autoEnd: true});
	const controller = createDashboardController(initial, fake.session);
	controller.start(true);
	for (let i = 0; i < 20; i++) {
		await settle();
	}

	assert.deepEqual(fake.log, ['cancel', ...MODES.map((mode) => `run ${mode} n=400`)]);
	const compare = controller.getView().compare!;
	assert.deepEqual(compare.results.map((r) => r.mode), [...MODES]);
	assert.equal(compare.running, null);
});

test('quit closes the session, leaves the summary of the last run, and ignores later keys', async () => {
	const fake = fakeSession();
	const controller = createDashboardController(initial, fake.session);
	controller.start(false);
	await settle();
	fake.finishRun();
	await settle();
	controller.dispatch({type: 'quit'});
	await controller.finished;
	assert.deepEqual(fake.log, ['cancel', 'run sequential n=400', 'close', 'cancel']);
	assert.match(controller.getView().summary!, /^sequential, io: 400\/400 done \(0 failed, 0 cancelled\) in 1\.0s/);
	controller.dispatch({type: 'mode', mode: 'async'});
	await settle();
	assert.equal(fake.log.length, 4);
});

test('quit before any run ended says so', async () => {
	const fake = fakeSession({fail: 'no worker of the pool started'});
	const controller = createDashboardController(initial, fake.session);
	controller.start(false);
	await settle();
	assert.equal(controller.getView().notice, 'the run could not complete: no worker of the pool started');
	controller.dispatch({type: 'quit'});
	await controller.finished;
	assert.equal(controller.getView().summary, 'concviz: no run was started.');
});

test('quit after a compare leaves the leaderboard, one line per mode, above the last run', async () => {
	const fake = fakeSession({autoEnd: true});
	const controller = createDashboardController(initial, fake.session);
	controller.start(true);
	for (let i = 0; i < 20; i++) {
		await settle();
	}

	controller.dispatch({type: 'quit'});
	await controller.finished;
	const lines = controller.getView().summary!.split('\n');
	assert.deepEqual(lines.slice(0, MODES.length).map((line) => line.split(/\s+/)[0]), [...MODES]);
	assert.match(lines[0]!, /^sequential\s+1\.0s\s+\S+ req\/s {2}predicted \S+$/);
	assert.match(lines[MODES.length]!, /^processes-async, io: /);
});
