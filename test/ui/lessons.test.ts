import {test} from 'node:test';
import assert from 'node:assert/strict';
import {lessonOf} from '../../source/ui/lessons.js';

const thread = {kind: 'thread', workers: 16, perWorkerMs: 51, perWorkerBytes: 16 * 1_048_576} as const;
const process = {kind: 'process', workers: 16, perWorkerMs: 103, perWorkerBytes: 60 * 1_048_576} as const;

test('the threads and processes lessons say what a worker was measured to cost, beside the other kind once measured', () => {
	assert.equal(lessonOf('threads', 'io'), 'W lanes, each waiting; start-up, memory measured; ≈ n·T/W');
	assert.equal(lessonOf('threads', 'io', thread), 'W lanes waiting; 51ms & 16 MB a thread to start; ≈ n·T/W');
	assert.equal(lessonOf('threads', 'io', thread, process), 'W lanes waiting; 51ms & 16 MB a thread, 103ms & 60 MB a process; ≈ n·T/W');
	assert.equal(lessonOf('processes', 'io', process, thread), 'P lanes waiting; 103ms & 60 MB a process, 51ms & 16 MB a thread; ≈ n·T/P');
	// Where threads start no faster, the figures say so: no claim beyond them.
	const slow = {...thread, perWorkerMs: 110};
	assert.equal(lessonOf('threads', 'io', slow, process), 'W lanes waiting; 110ms & 16 MB a thread, 103ms & 60 MB a process; ≈ n·T/W');
	assert.equal(lessonOf('threads', 'cpu', thread, process), 'W lanes computing on every core; with g (GIL) one at a time');
});
