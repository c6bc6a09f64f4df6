/** Worker-thread entry of calibrateClient(): runs real lanes against the embedded server, posts a ClientCost, ends. */
import {deserialize, serialize} from 'node:v8';
import {parentPort, workerData} from 'node:worker_threads';
import {decodeBatch, type EventBatch} from '../events/events.js';
import {runLane} from '../executors/lane/lane.js';
import type {ControlMessage, LaneLink} from '../executors/protocol.js';
import {initialMetrics, reduce} from '../metrics/reducer.js';
import {ONE_LOOP} from '../config/modes.js';
import type {ClientCost} from '../model/client-cost.js';
import {laneCpuMs, processCpuMs, threadCpuMs} from './thread-cpu.js';

type Input = {readonly baseUrl: string; readonly serverPid: number; readonly connections: number; readonly rounds: number};

/** A link that grants `tasks` ids as asked and keeps the lane's event batches in `batches`, serialised as a lane's link sends them. */
function localLink(tasks: number, batches: Buffer[]): LaneLink {
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
		sendBatch(batch) {
			batches.push(serialize(batch));
		},
		onControl(l) {
			listener = l;
		},
	};
}

type LaneCost = {readonly client: number; readonly server: number; readonly wall: number; readonly batches: Buffer[]};

/**
 * One loop lane of `tasks` requests on `connections` new connections: the
 * CPU the client spent (this thread's and V8's helper threads', which
 * collect its garbage: every thread of this process but the main one), the
 * server's, ms, and the lane's event batches.
 */
async function lane(input: Input, tasks: number): Promise<LaneCost> {
	const batches: Buffer[] = [];
	const server0 = processCpuMs(input.serverPid) ?? 0;
	const client0 = laneCpuMs();
	const wall0 = performance.now();
	await runLane({
		worker: 0,
		process: 0,
		thread: 0,
		kind: 'loop',
		concurrency: input.connections,
		workload: {work: 'io', target: {kind: 'generated', baseUrl: `${input.baseUrl}/now`}, timeout: 10_000, cpuUnits: 0},
		cpuClock: 'thread',
	}, localLink(tasks, batches));
	return {wall: performance.now() - wall0, client: laneCpuMs() - client0, server: (processCpuMs(input.serverPid) ?? server0) - server0, batches};
}

/**
 * The main thread's CPU to take in a lane's batches — read them off the
 * channel (V8's deserialiser, as a child process's IPC and a thread's port
 * use), decode them and fold them into a run's metrics — ms, on this
 * thread's clock.
 */
function foldMs(batches: readonly Buffer[], requests: number): number {
	const run = {id: 0, mode: ONE_LOOP, work: 'io', requested: requests, target: '', latencyMs: 0, workers: 1, threads: 1, concurrency: 1, cpuMs: 0, gil: false} as const;
	let state = initialMetrics(run, 0, 1);
	const start = threadCpuMs();
	for (const batch of batches) {
		state = reduce(state, {type: 'events', events: decodeBatch(deserialize(batch) as EventBatch)});
	}

	return threadCpuMs() - start;
}

/** Pairs of lanes (one of C first requests, one with 1,100 more) whose figures are taken at their median: one pair swings by a fifth. */
const PAIRS = 3;

const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function calibrate(input: Input): Promise<ClientCost> {
	const k = input.connections;
	const requests = k * input.rounds;
	// Warm-up, as long as a measured lane: the JIT of this thread and of the server, whose first requests cost twice as much.
	await lane(input, k + requests);
	const figures = {requestMs: [] as number[], connectMs: [] as number[], serverMs: [] as number[], loopMs: [] as number[], mainMs: [] as number[]};
	for (let pair = 0; pair < PAIRS; pair++) {
		const cold = await lane(input, k);
		const warm = await lane(input, k + requests);
		const requestMs = Math.max(0, (warm.client - cold.client) / requests);
		figures.requestMs.push(requestMs);
		// CPU, not wall time: the cold lane's wall time holds fixed costs (its start, the scheduler's delays on a busy machine) that do not grow with C.
		figures.connectMs.push(Math.max(requestMs, cold.client / k));
		figures.serverMs.push(Math.max(0, (warm.server - cold.server) / requests));
		figures.loopMs.push(Math.max(0, (warm.wall - cold.wall) / requests));
		if (pair === 0) {
			foldMs(warm.batches, k + requests); // the fold's own warm-up
		}

		figures.mainMs.push(foldMs(warm.batches, k + requests) / (k + requests));
	}

	return {
		requestMs: median(figures.requestMs),
		connectMs: median(figures.connectMs),
		serverMs: median(figures.serverMs),
		mainMs: median(figures.mainMs),
		loopMs: median(figures.loopMs),
		connections: k,
		requests,
	};
}

parentPort?.postMessage(await calibrate(workerData as Input));
