import {test} from 'node:test';
import assert from 'node:assert/strict';
import {calibrateCpu, runKernel, seedFromBytes} from '../../source/workloads/cpu.js';
import {calibrateOffThread} from '../../source/calibration/kernel.js';

test('runKernel returns a checksum that depends on the seed and the size', () => {
	const a = runKernel(10, 1);
	assert.equal(typeof a, 'number');
	assert.ok(Number.isInteger(a) && a >= 0 && a < 2 ** 32);
	assert.equal(runKernel(10, 1), a);
	assert.notEqual(runKernel(10, 2), a);
	assert.notEqual(runKernel(11, 1), a);
	assert.equal(runKernel(0, 1), 0);
});

test('calibrateCpu returns a positive integer size for the asked cost', () => {
	const calibration = calibrateCpu(5);
	assert.equal(calibration.cpuMs, 5);
	assert.ok(Number.isInteger(calibration.units) && calibration.units > 0);
	assert.ok(calibration.unitsPerMs > 0);
	assert.equal(calibration.units, Math.max(1, Math.round(calibration.unitsPerMs * 5)));
	assert.ok(calibrateCpu(0.001).units >= 1);
});

test('calibrateOffThread calibrates in a worker thread and ends it', async () => {
	const calibration = await calibrateOffThread(10);
	assert.equal(calibration.cpuMs, 10);
	assert.ok(calibration.units > 0 && calibration.unitsPerMs > 0);
});

test('seedFromBytes depends on the bytes', () => {
	assert.equal(seedFromBytes(new Uint8Array([1, 2, 3])), seedFromBytes(Buffer.from([1, 2, 3])));
	assert.notEqual(seedFromBytes(new Uint8Array([1, 2, 3])), seedFromBytes(new Uint8Array([3, 2, 1])));
});
