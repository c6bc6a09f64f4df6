import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createTurns} from '../../source/workloads/turns.js';

const busy = (ms: number): void => {
	const end = performance.now() + ms;
	while (performance.now() < end) {
		// A CPU kernel stand-in.
	}
};

test('turns come in the order asked, and a timer due meanwhile runs between them', async () => {
	const turns = createTurns();
	const log: string[] = [];
	const tasks = [1, 2, 3].map(async i => {
		await turns.next();
		log.push(`turn ${i}`);
		busy(20);
	});
	setTimeout(() => log.push('timer'), 1);
	await Promise.all(tasks);
	assert.deepEqual(log.filter(entry => entry !== 'timer'), ['turn 1', 'turn 2', 'turn 3']);
	// Due after 1 ms, during the first 20 ms turn: it runs before the last turn, not after all of them.
	assert.ok(log.includes('timer') && log.indexOf('timer') < log.indexOf('turn 3'), log.join(', '));
});
