import {fork, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {isEventBatch} from '../../events/events.js';
import type {ChildMessage} from '../child-protocol.js';
import {compileCacheEnv} from '../compile-cache.js';
import {createDispatcher} from '../dispatcher/dispatcher.js';
import {exitCodeOf, waitForExits} from './exit.js';
import {watchdogOf} from '../dispatcher/watchdog.js';
import type {ExecutorOptions} from '../executor.js';
import {poolExecutor, type PoolExecutor} from './pool-executor.js';
import type {ControlMessage, LaneConfig, LaneKind, LaneMessage} from '../protocol.js';

const CHILD_ENTRY = fileURLToPath(new URL('../lane/lane.process.js', import.meta.url));
const CLOSE_GRACE_MS = 600;
const KILL_GRACE_MS = 300;
/** The exit code of a process killed with SIGKILL, as a shell reports it. */
const SIGKILL_CODE = 137;

export type ProcessPoolShape = {
	readonly processes: number;
	/** Lanes per process: its own threads (processes-threads) or 1 on its main thread. */
	readonly threadsPerProcess: number;
	readonly threaded: boolean;
	readonly kind: LaneKind;
};

/**
 * A lane process's young generation: V8 grows its semi-spaces to their
 * default maximum under a lane's allocation rate, which left ~170 MB of heap
 * for ~25 MB live in a loop of 1,000 requests in flight; 8 MB semi-spaces
 * keep a lane near 180 MB instead of 290 MB at the same speed (measured on
 * this project's 2-core machine, see docs/reliability.md).
 * They start at that size too: grown from 1 MB, a fresh lane scavenged
 * far more often for its first ten thousand requests, which cost it ~20 %
 * more CPU each than later (a pilot's, calibration/pilot.ts, is that short).
 * No other V8 flag: --expose-gc, say, makes V8 reject Node's built-in code
 * cache and cost each lane process ~15 ms of CPU to start (the lane fetches
 * gc when it first needs it, workloads/collect.ts).
 */
const LANE_V8_FLAGS = ['--max-semi-space-size=8', '--min-semi-space-size=8'];

/** Flags of this process that a child should not inherit (the test runner's, watch mode), and the lane's own. */
const childExecArgv = (): string[] => [...process.execArgv.filter(flag => !/^--(test|experimental-test|watch|max-semi-space-size|min-semi-space-size|expose-gc)/.test(flag)), ...LANE_V8_FLAGS];

const post = (child: ChildProcess | undefined, message: ControlMessage | ChildMessage): void => {
	if (child?.connected) {
		child.send(message, undefined, {}, () => undefined);
	}
};

/** Fork lane process p, with its lanes' configs (worker ids p·Th + i). */
function forkChild(p: number, options: ExecutorOptions, shape: ProcessPoolShape): {child: ChildProcess; lanes: LaneConfig[]} {
	const debug = Boolean(process.env['CONCVIZ_DEBUG']);
	const child = fork(CHILD_ENTRY, [], {
		serialization: 'advanced',
		execArgv: childExecArgv(),
		env: {...process.env, ...compileCacheEnv()},
		stdio: ['ignore', 'ignore', debug ? 'inherit' : 'ignore', 'ipc'],
	});
	const perProcess = shape.threadsPerProcess;
	const lanes: LaneConfig[] = Array.from({length: perProcess}, (_, i) => ({
		worker: p * perProcess + i,
		process: p,
		thread: i,
		kind: shape.kind,
		concurrency: options.concurrency,
		workload: options.workload,
		cpuClock: shape.threaded ? 'thread' : 'process',
		collect: true,
	}));
	return {child, lanes};
}

/**
 * Lanes in child processes (processes, processes-threads, processes-async).
 * Worker ids are global: process p, thread i is worker p·Th + i.
 */
export function createProcessPoolExecutor(options: ExecutorOptions, shape: ProcessPoolShape): PoolExecutor {
	const perProcess = shape.threadsPerProcess;
	const children: ChildProcess[] = [];
	/** Kill lane process p as hung: its lanes are accounted first (`worker hung`), then it is SIGKILLed. */
	const hangs: Array<() => void> = [];
	const dispatcher = createDispatcher({
		requests: options.requests,
		workers: shape.processes * perProcess,
		bus: options.bus,
		schedule: options.schedule,
		replaceDead: true,
		...watchdogOf(options, shape.processes * perProcess, perProcess),
		...(options.urlsOf ? {urlsOf: options.urlsOf} : {}),
		hung(worker) {
			hangs[Math.floor(worker / perProcess)]?.();
		},
		send(worker, message) {
			post(children[Math.floor(worker / perProcess)], message);
		},
		broadcast(message) {
			for (const child of children) {
				post(child, message);
			}
		},
	});

	const spawn = (p: number): ChildProcess => {
		const {child, lanes} = forkChild(p, options, shape);
		child.on('message', (message: LaneMessage) => {
			if (isEventBatch(message)) {
				dispatcher.receive(message);
			} else {
				dispatcher.control(message);
			}
		});
		// A dead child is replaced (same worker ids) while the run goes on, as multiprocessing.Pool does.
		let gone = false;
		const died = (code: number, reason?: string): void => {
			if (gone) {
				return;
			}

			gone = true;
			const replaced = lanes.map(lane => dispatcher.died(lane.worker, code, reason));
			if (replaced.every(Boolean)) {
				children[p] = spawn(p);
			} else {
				for (const [i, lane] of lanes.entries()) {
					if (replaced[i]) {
						dispatcher.died(lane.worker, code, reason);
					}
				}
			}
		};

		// A stopped or wedged process: accounted as hung (and replaced), then killed; its exit then changes nothing.
		hangs[p] = () => {
			died(SIGKILL_CODE, 'worker hung');
			child.kill('SIGKILL');
		};

		child.on('exit', (code, signal) => {
			died(exitCodeOf(code, signal));
		});
		child.on('error', () => {
			if (child.exitCode === null && child.pid === undefined) {
				died(1);
			}
		});
		post(child, {type: 'init', lanes, threaded: shape.threaded, gil: options.gil && shape.threaded});
		return child;
	};

	return poolExecutor(dispatcher, {
		spawn() {
			for (let p = 0; p < shape.processes; p++) {
				children[p] = spawn(p);
			}
		},
		async close() {
			for (const child of children) {
				post(child, {type: 'close'});
			}

			await waitForExits(children, CLOSE_GRACE_MS);
			for (const child of children) {
				if (child.exitCode === null && child.signalCode === null) {
					child.kill('SIGKILL');
				}
			}

			await waitForExits(children, KILL_GRACE_MS);
		},
	});
}
