import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {dirname} from 'node:path';
import {describe, test} from 'node:test';
import {decodeBatch, type BusEvent} from '../../../source/events/events.js';
import {createFrameReader, type Frame} from '../../../source/executors/python/frames.js';
import {RUNNER_DIR} from '../../../source/executors/python/runner-path.js';
import {PYTHON, SKIP} from './python-harness.js';

/** Events and a message written by the runner's own wire.py, read back by frames.ts. */
const SCRIPT = `
import sys
from concviz_runner.wire import Batcher, StdoutLink
out = StdoutLink(sys.stdout.buffer)
out.message({'type': 'want', 'worker': 3, 'k': 2})
b = Batcher(out.send)
b.worker_up(3, 4242, 1, 0)
b.task_start(3, 7, 1000.5)
b.task_end(3, 7, 1000.5, 'failed', 500, 12, 'status 500')
b.task_end(3, 8, 1000.5, 'completed', 200, 1024, '')
b.state(3, 'io')
b.close()
`;

describe('python runner: frames', {skip: SKIP}, () => {
	test("a batch packed by wire.py decodes with events.ts's layout; a message arrives as JSON", () => {
		const run = spawnSync(PYTHON, ['-c', SCRIPT], {cwd: dirname(RUNNER_DIR)});
		assert.equal(run.status, 0, String(run.stderr));
		const frames: Frame[] = [];
		const read = createFrameReader(frame => frames.push(frame));
		// Byte by byte: a frame may span chunks.
		for (const byte of run.stdout) {
			read(Buffer.from([byte]));
		}

		assert.equal(frames.length, 2);
		assert.deepEqual(frames[0], {kind: 'message', message: {type: 'want', worker: 3, k: 2}});
		assert.equal(frames[1]!.kind, 'batch');
		const events = decodeBatch((frames[1] as Extract<Frame, {kind: 'batch'}>).batch);
		assert.deepEqual(events.map(event => event.type), ['worker-up', 'task-start', 'task-end', 'task-end', 'state']);
		assert.deepEqual({...events[0], t: 0}, {type: 'worker-up', worker: 3, t: 0, pid: 4242, process: 1, thread: 0});
		assert.deepEqual(events[1], {type: 'task-start', worker: 3, task: 7, t: 1000.5});
		const failed = events[2] as Extract<BusEvent, {type: 'task-end'}>;
		assert.deepEqual([failed.outcome, failed.status, failed.bytes, failed.reason], ['failed', 500, 12, 'status 500']);
		const completed = events[3] as Extract<BusEvent, {type: 'task-end'}>;
		assert.deepEqual([completed.outcome, completed.status, completed.bytes, completed.reason], ['completed', 200, 1024, '']);
		assert.equal((events[4] as Extract<BusEvent, {type: 'state'}>).state, 'io');
	});
});
