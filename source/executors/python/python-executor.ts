/**
 * --runtime python: the talk's own programs run by the Python runner
 * (python/concviz_runner), on the same dispatcher as Node's lanes (one queue,
 * grants on demand, exactly-once accounting). The runner is one child
 * process; its lanes are its threads (sequential, threads, async) or the
 * threads of the P processes it starts with multiprocessing. Control goes
 * to it as JSON lines on stdin, its frames come back on stdout
 * (frames.ts), and each lane thread is sampled from /proc (thread-sampler.ts).
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {factsOf, isThreaded} from '../../config/modes.js';
import {now, type EventBatch} from '../../events/events.js';
import {createDispatcher} from '../dispatcher/dispatcher.js';
import {exitCodeOf, waitForExits} from '../pools/exit.js';
import type {ExecutorOptions} from '../executor.js';
import {KIND_TASK_END, KIND_TASK_START, KIND_WORKER_UP, SLOT_WORKER} from '../dispatcher/layout.js';
import {dispatcherControls, type PoolExecutor} from '../pools/pool-executor.js';
import type {ControlMessage} from '../protocol.js';
import {STRIDE} from '../../events/events.js';
import {createFrameReader, type RunnerMessage} from './frames.js';
import {RUNNER_DIR} from './runner-path.js';
import {createThreadSampler} from './thread-sampler.js';

const CLOSE_GRACE_MS = 800;
const KILL_GRACE_MS = 300;

export type PythonExecutorOptions = ExecutorOptions & {readonly python: string};

/** What the runner said of itself when it started. */
export type RunnerHello = Extract<RunnerMessage, {type: 'hello'}>;

/** Lanes of the mode: P·Th, P, W or 1, and lanes per process of the runner's pool. */
export function shapeOf(options: Pick<ExecutorOptions, 'mode' | 'workers' | 'threads'>): {lanes: number; perProcess: number; processes: boolean} {
	const facts = factsOf(options.mode);
	const threaded = isThreaded(facts);
	if (facts.pool === 'threads') {
		const lanes = threaded ? options.workers : 1;
		return {lanes, perProcess: lanes, processes: false};
	}

	const perProcess = threaded ? options.threads : 1;
	return {lanes: options.workers * perProcess, perProcess, processes: true};
}

/** The runner's settings (one JSON argument). */
function specOf(options: ExecutorOptions, viaProc: boolean): Record<string, unknown> {
	const {target} = options.workload;
	return {
		mode: options.mode,
		workers: options.workers,
		threads: options.threads,
		concurrency: options.concurrency,
		work: options.workload.work,
		target,
		timeoutMs: options.workload.timeout,
		cpuMs: Math.max(1, options.cpuMs ?? 1),
		states: viaProc ? 'comm' : 'events',
	};
}

export type PythonExecutor = PoolExecutor & {
	/** The runner's hello (interpreter version, GIL, start method), once it came. */
	hello(): RunnerHello | undefined;
};

export function createPythonExecutor(options: PythonExecutorOptions): PythonExecutor {
	const shape = shapeOf(options);
	const loop = factsOf(options.mode).lane === 'loop';
	const viaProc = existsSync('/proc/self/task');
	let child: ChildProcess | undefined;
	let hello: RunnerHello | undefined;
	let poolStartAt = Number.NaN;
	let stderrTail = '';
	const inFlight = new Float64Array(shape.lanes);
	const threads = new Map<number, {pid: number; tid: number}>();
	const diedOf = new Map<number, Array<{worker: number; replaced: boolean}>>();

	const write = (message: ControlMessage | {type: 'spawn'; process: number} | {type: 'close'}): void => {
		if (child?.stdin?.writable) {
			child.stdin.write(`${JSON.stringify(message)}\n`);
		}
	};

	const dispatcher = createDispatcher({
		requests: options.requests,
		workers: shape.lanes,
		bus: options.bus,
		schedule: options.schedule,
		replaceDead: shape.processes,
		...(options.urlsOf ? {urlsOf: options.urlsOf} : {}),
		send(_worker, message) {
			write(message);
		},
		broadcast(message) {
			write(message);
		},
	});
	const sampler = viaProc ? createThreadSampler(events => options.bus.emit(events), worker => inFlight[worker] ?? 0) : undefined;

	/** Count in flight per lane, and start sampling a lane once its worker-up is on the bus. */
	const watch = (batch: EventBatch): void => {
		const d = batch.data;
		for (let o = 0; o < batch.count * STRIDE; o += STRIDE) {
			const kind = d[o];
			const worker = d[o + SLOT_WORKER]!;
			if (kind === KIND_TASK_START) {
				inFlight[worker]!++;
			} else if (kind === KIND_TASK_END) {
				inFlight[worker] = Math.max(0, inFlight[worker]! - 1);
			} else if (kind === KIND_WORKER_UP) {
				const thread = threads.get(worker);
				if (thread) {
					sampler?.track(worker, thread.pid, thread.tid, loop);
				}
			}
		}
	};

	/** A lane process of the runner died (each of its lanes is reported): replaced, as multiprocessing.Pool replaces its workers, once all its lanes may be. */
	const laneDied = (worker: number, code: number): void => {
		sampler?.forget(worker);
		inFlight[worker] = 0;
		const p = Math.floor(worker / shape.perProcess);
		const reported = diedOf.get(p) ?? [];
		reported.push({worker, replaced: dispatcher.died(worker, code)});
		diedOf.set(p, reported);
		if (reported.length < shape.perProcess) {
			return;
		}

		diedOf.delete(p);
		if (reported.every(lane => lane.replaced)) {
			write({type: 'spawn', process: p});
			return;
		}

		for (const lane of reported.filter(lane => lane.replaced)) {
			dispatcher.died(lane.worker, code);
		}
	};

	const onMessage = (message: RunnerMessage): void => {
		switch (message.type) {
			case 'want':
			case 'stopped': {
				dispatcher.control(message);
				break;
			}

			case 'died': {
				laneDied(message.worker, message.code);
				break;
			}

			case 'thread': {
				threads.set(message.worker, {pid: message.pid, tid: message.tid});
				break;
			}

			case 'hello': {
				hello = message;
				break;
			}

			case 'pool-start': {
				poolStartAt = message.t;
				break;
			}
		}
	};

	/** The runner is gone: every lane is dead (none can be replaced without it). */
	const runnerGone = (code: number): void => {
		sampler?.stop();
		for (let worker = 0; worker < shape.lanes; worker++) {
			if (dispatcher.died(worker, code)) {
				dispatcher.died(worker, code);
			}
		}
	};

	const spawnRunner = (): ChildProcess => {
		const runner = spawn(options.python, [RUNNER_DIR, JSON.stringify(specOf(options, viaProc))], {stdio: ['pipe', 'pipe', 'pipe']});
		runner.stdout!.on('data', createFrameReader(frame => {
			if (frame.kind === 'batch') {
				watch(frame.batch);
				dispatcher.receive(frame.batch);
			} else {
				onMessage(frame.message);
			}
		}));
		runner.stderr!.on('data', (chunk: Buffer) => {
			stderrTail = (stderrTail + chunk.toString()).slice(-2000);
			if (process.env['CONCVIZ_DEBUG']) {
				process.stderr.write(chunk);
			}
		});
		runner.stdin!.on('error', () => undefined);
		runner.on('exit', (code, signal) => {
			runnerGone(exitCodeOf(code, signal));
		});
		runner.on('error', () => {
			runnerGone(1);
		});
		return runner;
	};

	let closing: Promise<void> | undefined;
	return {
		async start() {
			const spawnedAt = now();
			child = spawnRunner();
			let lastUpAt: number;
			try {
				lastUpAt = await dispatcher.up();
			} catch {
				const why = stderrTail.trim().split('\n').at(-1);
				throw new Error(`the Python runner did not start${why ? `: ${why}` : ''}`);
			}

			return {startupMs: lastUpAt - (Number.isFinite(poolStartAt) ? poolStartAt : spawnedAt)};
		},
		...dispatcherControls(dispatcher),
		async close() {
			closing ??= (async () => {
				await dispatcher.abandon();
				sampler?.stop();
				if (child) {
					write({type: 'close'});
					child.stdin?.end();
					await waitForExits([child], CLOSE_GRACE_MS);
					if (child.exitCode === null && child.signalCode === null) {
						child.kill('SIGKILL');
					}

					await waitForExits([child], KILL_GRACE_MS);
				}
			})();
			await closing;
		},
		workers: () => dispatcher.workers(),
		stats: () => dispatcher.stats(),
		hello: () => hello,
	};
}
