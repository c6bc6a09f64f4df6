import {execFile} from 'node:child_process';
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {promisify} from 'node:util';
import type {WorkerState} from '../../source/events/events.js';
import {createGil} from '../../source/workloads/gil.js';
import {createWorkload} from '../../source/workloads/create-workload.js';
import type {Gil, WorkloadSpec} from '../../source/workloads/workload.js';
import {withServer} from '../helpers/server.js';

const spec = (work: WorkloadSpec['work'], baseUrl = 'http://127.0.0.1:9'): WorkloadSpec => ({
	work,
	target: {kind: 'generated', baseUrl},
	timeout: 5000,
	cpuUnits: 20,
	connections: 1,
});

function recorder(): {states: WorkerState[]; setState: (state: WorkerState) => void} {
	const states: WorkerState[] = [];
	return {states, setState: state => states.push(state)};
}

test('io: completed with status 200 and the body size, state io', async () => {
	const server = await withServer({bodyBytes: 777});
	const workload = await createWorkload(spec('io', server.url));
	const {states, setState} = recorder();
	try {
		assert.deepEqual(await workload.run(3, setState), {outcome: 'completed', status: 200, bytes: 777, reason: ''});
		assert.deepEqual(states, ['io']);
		assert.equal(server.served, 1);
	} finally {
		await workload.close();
	}
});

test('cpu: completed, status 0, bytes 0, state computing, no network', async () => {
	const workload = await createWorkload(spec('cpu'));
	const {states, setState} = recorder();
	assert.deepEqual(await workload.run(1, setState), {outcome: 'completed', status: 0, bytes: 0, reason: ''});
	assert.deepEqual(states, ['computing']);
	await workload.close();
});

test('cpu with a GIL: states gil then computing, lock taken and released around the kernel', async () => {
	const real = createGil();
	const calls: string[] = [];
	const gil: Gil = {
		acquire() {
			calls.push('acquire');
			real.acquire();
		},
		release() {
			calls.push('release');
			real.release();
		},
	};
	const workload = await createWorkload(spec('cpu'), gil);
	const {states, setState} = recorder();
	await workload.run(1, setState);
	await workload.run(2, setState);
	assert.deepEqual(states, ['gil', 'computing', 'gil', 'computing']);
	assert.deepEqual(calls, ['acquire', 'release', 'acquire', 'release']);
	await workload.close();
});

test('mixed: GET then compute; completed with the body bytes; states io then computing', async () => {
	const server = await withServer({bodyBytes: 300});
	const workload = await createWorkload(spec('mixed', server.url));
	const {states, setState} = recorder();
	try {
		assert.deepEqual(await workload.run(1, setState), {outcome: 'completed', status: 200, bytes: 300, reason: ''});
		assert.deepEqual(states, ['io', 'computing']);
		const gilStates = recorder();
		const withGil = await createWorkload(spec('mixed', server.url), createGil());
		await withGil.run(2, gilStates.setState);
		await withGil.close();
		assert.deepEqual(gilStates.states, ['io', 'gil', 'computing']);
	} finally {
		await workload.close();
	}
});

test('mixed: a failed GET is failed and does no CPU work', async () => {
	const server = await withServer({failRate: 1, latency: 0});
	const workload = await createWorkload(spec('mixed', server.url));
	const {states, setState} = recorder();
	try {
		const result = await workload.run(1, setState);
		assert.equal(result.outcome, 'failed');
		assert.equal(result.reason, 'status 500');
		assert.deepEqual(states, ['io']);
	} finally {
		await workload.close();
	}
});

test('every work is cancelled, doing nothing, once the workload is cancelled', async () => {
	const server = await withServer();
	for (const work of ['io', 'cpu', 'mixed'] as const) {
		const workload = await createWorkload(spec(work, server.url));
		const {states, setState} = recorder();
		workload.cancel();
		assert.deepEqual(await workload.run(1, setState), {outcome: 'cancelled', status: 0, bytes: 0, reason: 'cancelled'}, work);
		assert.deepEqual(states, [], work);
		await workload.close();
	}

	assert.equal(server.served, 0);
});

test('mixed: a cancel during the GET is cancelled', async () => {
	const server = await withServer({latency: 1000});
	const workload = await createWorkload(spec('mixed', server.url));
	setTimeout(() => workload.cancel(), 20);
	try {
		const result = await workload.run(1, () => undefined);
		assert.equal(result.outcome, 'cancelled');
		assert.equal(result.reason, 'cancelled');
	} finally {
		await workload.close();
	}
});

test('a CPU workload starts without the HTTP client: undici is loaded for io and mixed work only', async () => {
	const module = JSON.stringify(new URL('../../source/workloads/create-workload.js', import.meta.url).href);
	const loads = async (work: WorkloadSpec['work']): Promise<number> => {
		const script = `import {createRequire} from 'node:module';
			const {createWorkload} = await import(${module});
			const workload = await createWorkload(${JSON.stringify(spec(work))});
			await workload.close();
			console.log(Object.keys(createRequire(import.meta.url).cache).filter(path => path.includes('undici')).length);`;
		const {stdout} = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
		return Number(stdout);
	};

	assert.equal(await loads('cpu'), 0);
	assert.ok(await loads('io') > 0);
	assert.ok(await loads('mixed') > 0);
});
