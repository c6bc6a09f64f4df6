import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readSave} from '../../source/replay/reader.js';
import {ReplayApp} from '../../source/replay/replay-app.js';
import {REPLAY_NOTICE, ReplayController} from '../../source/replay/replay-controller.js';
import {recordedText} from '../../source/replay/replay-bar.js';
import {Timeline} from '../../source/replay/timeline.js';
import {renderAt} from '../ui/render-at.js';
import {writeSmallSave} from '../helpers/save.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-replay-app-'));
const recording = readSave(await writeSmallSave(join(dir, 'two.cvz'), 2));

async function until(check: () => void, timeoutMs = 3000): Promise<void> {
	const start = Date.now();
	for (;;) {
		try {
			check();
			return;
		} catch (error) {
			if (Date.now() - start > timeoutMs) {
				throw error;
			}

			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	}
}

/** A controller on a clock the test moves. */
function setUp(columns: number, rows: number) {
	let now = 0;
	const controller = new ReplayController(new Timeline(recording), {fps: 50, clock: () => now});
	const app = renderAt(<ReplayApp controller={controller} color={false} />, columns, rows);
	return {controller, app, advance(ms: number) {
		now += ms;
	}};
}

const firstLine = (frame: string): string => frame.split('\n')[0]!;

for (const [columns, rows] of [[80, 24], [160, 48]] as const) {
	test(`at ${columns}×${rows}: the header says it is a replay, when and on how many cores; the live panels below; the replay's keys at the bottom`, async () => {
		const {app, controller} = setUp(columns, rows);
		const frame = app.lastFrame();
		assert.match(firstLine(frame), new RegExp(`^replay · recorded ${recordedText(recording.header.recordedAt)} on ${recording.header.cores} cores · ×1 +▶ 0.0s / 4\\.8s$`));
		assert.match(frame, /threads\s+io · n=40/);
		assert.match(frame.split('\n').at(-1)!, /^space pause {2}←\/→ 5 s {2}<\/> frame {2}\[\/\] speed {2}m\/M marker/);
		assert.equal(frame.split('\n').length, rows);
		controller.dispatch({type: 'quit'});
		app.unmount();
	});
}

test('keys move the replay: → seeks 5 s, ] speeds up, space pauses, < steps back a frame, End, m; a live key says why it does nothing', async () => {
	const {app, controller, advance} = setUp(100, 30);
	app.stdin.write('m');
	await until(() => {
		assert.match(firstLine(app.lastFrame()), /▶ 2\.6s \/ 4.8s$/);
	});
	assert.match(app.lastFrame(), /sequential/);
	app.stdin.write('\u001B[H');
	app.stdin.write(']]');
	await until(() => {
		assert.match(firstLine(app.lastFrame()), / · ×4 /);
	});
	controller.start();
	advance(100);
	await until(() => {
		assert.match(firstLine(app.lastFrame()), /▶ 400ms \/ 4.8s$/);
	});
	app.stdin.write(' ');
	await until(() => {
		assert.match(firstLine(app.lastFrame()), /❚❚ paused 400ms/);
	});
	advance(1000);
	app.stdin.write('<');
	await until(() => {
		assert.match(firstLine(app.lastFrame()), /❚❚ paused 220ms/);
	});
	app.stdin.write('\u001B[F');
	await until(() => {
		assert.match(firstLine(app.lastFrame()), /4.8s \/ 4.8s$/);
		assert.match(app.lastFrame(), /✓ done/);
	});
	app.stdin.write('5');
	await until(() => {
		assert.match(app.lastFrame().split('\n').at(-1)!, new RegExp(`^! ${REPLAY_NOTICE}`));
	});
	app.stdin.write('q');
	await controller.finished;
	await until(() => {
		assert.ok(app.stdout.frames.some(f => /^sequential, io: 39\/40 done \(1 failed, 0 cancelled\)/.test(f)), 'the summary of the run on screen stays');
	});
	app.unmount();
});
