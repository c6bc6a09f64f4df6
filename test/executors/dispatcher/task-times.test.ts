import assert from 'node:assert/strict';
import {test} from 'node:test';
import {TaskTimes} from '../../../source/executors/dispatcher/task-times.js';

test('TaskTimes: the same answers as a Map through 200,000 random sets, gets and deletes (growing past its first table)', () => {
	const times = new TaskTimes();
	const map = new Map<number, number>();
	let seed = 7;
	const random = (n: number): number => {
		seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
		return seed % n;
	};

	for (let i = 0; i < 200_000; i++) {
		// Ids mostly rising with a window in flight, as a lane holds them, plus random ones.
		const task = random(4) === 0 ? random(5000) : Math.max(0, Math.floor(i / 2) - random(1500));
		const op = random(3);
		if (op === 0) {
			const t = random(2) === 0 ? Number.NaN : i + 0.25;
			times.set(task, t);
			map.set(task, t);
		} else if (op === 1) {
			assert.equal(times.delete(task), map.delete(task));
		} else {
			assert.deepEqual(times.get(task), map.get(task));
		}

		assert.equal(times.size, map.size);
	}

	assert.deepEqual([...times], [...map].sort((a, b) => a[0] - b[0]));
	times.clear();
	assert.equal(times.size, 0);
	assert.deepEqual([...times], []);
	assert.equal(times.get(1), undefined);
});

test('TaskTimes: NaN (granted, not started) is a value, not an absence', () => {
	const times = new TaskTimes().set(3, Number.NaN);
	assert.ok(Number.isNaN(times.get(3)));
	assert.equal(times.get(4), undefined);
	assert.equal(times.delete(3), true);
	assert.equal(times.delete(3), false);
});
