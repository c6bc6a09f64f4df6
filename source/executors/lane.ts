import {createBatcher} from '../events/bus.js';
import {now, type WorkerState} from '../events/events.js';
import {createWorkload} from '../workloads/create-workload.js';
import {createGil} from '../workloads/gil.js';
import type {TaskResult} from '../workloads/workload.js';
import {createSampler, SAMPLE_INTERVAL_MS} from './lane-sampler.js';
import type {ControlMessage, LaneConfig, LaneLink} from './protocol.js';

/** A lane out of work flushes its events after this long (unless it got busy again meanwhile)… */
const IDLE_FLUSH_MS = 5;
/** …with a sample, unless it sampled this recently. */
const IDLE_SAMPLE_MIN_MS = 20;

/**
 * One lane: pulls task ids from its parent and runs them on this thread's
 * event loop. A blocking lane runs one task at a time and prefetches one id
 * so it never waits on the round trip; a loop lane keeps up to `concurrency`
 * tasks in flight. Either keeps at most one `want` outstanding, asking for
 * everything it lacks at once, so control messages stay far fewer than tasks
 * at high rates. Resolves when the lane has ended (done or stopped) and has
 * flushed its last events and sent `stopped`.
 */
export async function runLane(config: LaneConfig, link: LaneLink): Promise<void> {
	const {worker, kind} = config;
	const slots = kind === 'blocking' ? 1 : Math.max(1, config.concurrency);
	const capacity = kind === 'blocking' ? 2 : slots;
	const gil = config.gilBuffer ? createGil(config.gilBuffer) : undefined;
	const workload = createWorkload({...config.workload, connections: slots}, gil);
	const batcher = createBatcher(batch => {
		link.sendBatch(batch);
	});
	const sample = createSampler(worker, config.cpuClock);
	const held: number[] = [];
	/** The held tasks' URLs, parallel to `held`, when grants carry them (a --urls file). */
	const heldUrls: string[] = [];
	let heldHead = 0;
	let inFlight = 0;
	let state: WorkerState | undefined;
	let wantPending = false;
	let wantScheduled = false;
	let done = false;
	let stopped = false;
	let paused = false;
	let finished = false;
	let idleFlush: NodeJS.Timeout | undefined;
	let resolveEnd!: () => void;
	const ended = new Promise<void>(resolve => {
		resolveEnd = resolve;
	});

	const setState = (next: WorkerState): void => {
		if (next !== state) {
			state = next;
			batcher.emit({type: 'state', worker, t: now(), state: next});
		}
	};

	const heldCount = (): number => held.length - heldHead;
	let takenUrl: string | undefined;
	const takeHeld = (): number => {
		takenUrl = heldUrls[heldHead];
		const task = held[heldHead++]!;
		if (heldHead === held.length) {
			held.length = 0;
			heldUrls.length = 0;
			heldHead = 0;
		}

		return task;
	};

	let sampledAt = now();
	const emitSample = (): void => {
		sampledAt = now();
		batcher.emit(sample(inFlight));
	};

	const sampler = setInterval(emitSample, SAMPLE_INTERVAL_MS);

	const finish = (): void => {
		if (finished) {
			return;
		}

		finished = true;
		clearInterval(sampler);
		clearTimeout(idleFlush);
		setState('idle');
		emitSample();
		batcher.flush();
		link.send({type: 'stopped', worker});
		resolveEnd();
	};

	const sendWant = (): void => {
		wantScheduled = false;
		if (done || stopped || wantPending) {
			return;
		}

		const k = capacity - heldCount() - inFlight;
		if (k > 0) {
			wantPending = true;
			link.send({type: 'want', worker, k});
		}
	};

	const pump = (): void => {
		if (stopped) {
			if (inFlight === 0) {
				finish();
			}

			return;
		}

		while (!paused && heldCount() > 0 && inFlight < slots) {
			start(takeHeld(), takenUrl);
		}

		if (!done && !wantPending && !wantScheduled) {
			wantScheduled = true;
			setImmediate(sendWant);
		}

		if (inFlight === 0) {
			setState('idle');
			if (done && heldCount() === 0) {
				finish();
				return;
			}

			// Out of work, maybe for good: send the last task-end (and the CPU used) soon, not in 50 ms.
			idleFlush ??= setTimeout(() => {
				idleFlush = undefined;
				if (inFlight === 0) {
					if (now() - sampledAt >= IDLE_SAMPLE_MIN_MS) {
						emitSample();
					}

					batcher.flush();
				}
			}, IDLE_FLUSH_MS);
		}
	};

	const end = (task: number, t0: number, result: TaskResult): void => {
		const t = now();
		batcher.emit({type: 'task-end', worker, task, t, outcome: result.outcome, status: result.status, bytes: result.bytes, latencyMs: t - t0, reason: result.reason});
		inFlight--;
		pump();
	};

	const laneSetState = kind === 'blocking' ? setState : () => undefined;

	function start(task: number, url: string | undefined): void {
		inFlight++;
		const t0 = now();
		batcher.emit({type: 'task-start', worker, task, t: t0});
		if (kind === 'loop') {
			setState('io');
		}

		let running: Promise<TaskResult>;
		try {
			running = workload.run(task, laneSetState, url);
		} catch (error) {
			running = Promise.reject(error);
		}

		running.then(
			result => {
				end(task, t0, result);
			},
			(error: unknown) => {
				end(task, t0, {outcome: stopped ? 'cancelled' : 'failed', status: 0, bytes: 0, reason: reasonOf(error, stopped)});
			},
		);
	}

	link.onControl((message: ControlMessage) => {
		switch (message.type) {
			case 'grant': {
				wantPending = false;
				if (message.done) {
					done = true;
				}

				if (!stopped) {
					for (const task of message.tasks) {
						held.push(task);
					}

					if (message.urls) {
						heldUrls.length = held.length - message.tasks.length;
						heldUrls.push(...message.urls);
					}
				}

				pump();
				break;
			}

			case 'pause': {
				paused = true;
				break;
			}

			case 'resume': {
				paused = false;
				pump();
				break;
			}

			case 'stop': {
				stopped = true;
				held.length = 0;
				heldUrls.length = 0;
				heldHead = 0;
				workload.cancel();

				pump();
				break;
			}
		}
	});

	batcher.emit({type: 'worker-up', worker, t: now(), pid: process.pid, process: config.process, thread: config.thread});
	setState('idle');
	batcher.flush();
	pump();
	await ended;
	await workload.close().catch(() => undefined);
}

function reasonOf(error: unknown, aborted: boolean): string {
	if (aborted) {
		return 'cancelled';
	}

	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0]!.slice(0, 60) || 'error';
}
