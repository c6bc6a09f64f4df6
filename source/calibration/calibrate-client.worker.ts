/** Worker-thread entry of calibrateClient(): runs real lanes against the embedded server, posts a ClientCost, ends. */
import {parentPort, workerData} from 'node:worker_threads';
import {runLane} from '../executors/lane.js';
import type {ControlMessage, LaneLink} from '../executors/protocol.js';
import type {ClientCost} from './client-cost.js';
import {processCpuMs, threadCpuMs} from './thread-cpu.js';

type Input = {readonly baseUrl: string; readonly serverPid: number; readonly connections: number; readonly rounds: number};

/** A link that grants `tasks` ids as asked and drops the lane's event batches. */
function localLink(tasks: number): LaneLink {
	let next = 0;
	let listener: ((message: ControlMessage) => void) | undefined;
	return {
		send(message) {
			if (message.type === 'want') {
				const k = Math.min(message.k, tasks - next);
				const granted = Array.from({length: k}, (_, i) => next + i);
				next += k;
				setImmediate(() => listener?.({type: 'grant', worker: 0, tasks: granted, done: next >= tasks}));
			}
		},
		sendBatch() {},
		onControl(l) {
			listener = l;
		},
	};
}

/** One loop lane of `tasks` requests on `connections` new connections: this thread's and the server's CPU, ms. */
async function lane(input: Input, tasks: number): Promise<{client: number; server: number}> {
	const server0 = processCpuMs(input.serverPid) ?? 0;
	const client0 = threadCpuMs();
	await runLane({
		worker: 0,
		process: 0,
		thread: 0,
		kind: 'loop',
		concurrency: input.connections,
		workload: {work: 'io', target: {kind: 'generated', baseUrl: `${input.baseUrl}/now`}, timeout: 10_000, cpuUnits: 0},
		cpuClock: 'thread',
	}, localLink(tasks));
	return {client: threadCpuMs() - client0, server: (processCpuMs(input.serverPid) ?? server0) - server0};
}

async function calibrate(input: Input): Promise<ClientCost> {
	const k = input.connections;
	await lane(input, k); // JIT and module warm-up
	const cold = await lane(input, k);
	const warm = await lane(input, k * (input.rounds + 1));
	const requests = k * input.rounds;
	const requestMs = Math.max(0, (warm.client - cold.client) / requests);
	return {
		requestMs,
		// CPU, not wall time: the cold lane's wall time holds fixed costs (its start, the scheduler's delays on a busy machine) that do not grow with C.
		connectMs: Math.max(requestMs, cold.client / k),
		serverMs: Math.max(0, (warm.server - cold.server) / requests),
		connections: k,
		requests,
	};
}

parentPort?.postMessage(await calibrate(workerData as Input));
