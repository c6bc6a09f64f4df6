import {createBatcher, type Batcher} from '../../events/bus.js';
import {now, type WorkerState} from '../../events/events.js';
import {enableCollection} from '../../workloads/collect.js';
import {createWorkload} from '../../workloads/create-workload.js';
import {warmUpKernel} from '../../workloads/cpu.js';
import {createGil} from '../../workloads/gil.js';
import type {TaskResult, Workload} from '../../workloads/workload.js';
import {HeldTasks} from './held-tasks.js';
import {createSampler, SAMPLE_INTERVAL_MS} from './lane-sampler.js';
import type {ControlMessage, LaneConfig, LaneLink} from '../protocol.js';

/** A lane out of work flushes its events after this long (unless it got busy again meanwhile)… */
const IDLE_FLUSH_MS = 5;
/** …with a sample, unless it sampled this recently. */
const IDLE_SAMPLE_MIN_MS = 20;

/** `open`: ids may still come; `last`: the parent said none will; `stopping`: stop, in-flight tasks are being cancelled; `finished`. */
type Phase = 'open' | 'last' | 'stopping' | 'finished';

/**
 * One lane: pulls task ids from its parent and runs them on this thread's
 * event loop. A blocking lane runs one task at a time and prefetches one id
 * so it never waits on the round trip; a loop lane keeps up to `concurrency`
 * tasks in flight. Either keeps at most one `want` outstanding, asking for
 * everything it lacks at once, so control messages stay far fewer than tasks
 * at high rates.
 */
class Lane {
	readonly #config: LaneConfig;
	readonly #link: LaneLink;
	readonly #slots: number;
	readonly #capacity: number;
	readonly #workload: Workload;
	readonly #batcher: Batcher;
	readonly #sample: ReturnType<typeof createSampler>;
	readonly #held = new HeldTasks();
	readonly #sampler: NodeJS.Timeout;
	readonly #ended: Promise<void>;
	#resolveEnded!: () => void;
	#phase: Phase = 'open';
	#paused = false;
	#inFlight = 0;
	#state: WorkerState | undefined;
	#wantPending = false;
	#wantScheduled = false;
	#idleFlush: NodeJS.Timeout | undefined;
	#sampledAt = now();

	constructor(config: LaneConfig, link: LaneLink, workload: Workload) {
		this.#config = config;
		this.#link = link;
		this.#slots = slotsOf(config);
		this.#capacity = config.kind === 'blocking' ? 2 : this.#slots;
		this.#workload = workload;
		this.#batcher = createBatcher(batch => {
			link.sendBatch(batch);
		});
		this.#sample = createSampler(config.worker, config.cpuClock);
		this.#sampler = setInterval(() => this.#emitSample(), SAMPLE_INTERVAL_MS);
		this.#ended = new Promise<void>(resolve => {
			this.#resolveEnded = resolve;
		});
	}

	/** Resolves when the lane has ended (done or stopped), flushed its last events and sent `stopped`. */
	async run(): Promise<void> {
		const {worker, process: processIndex, thread} = this.#config;
		if (this.#config.workload.work !== 'io') {
			warmUpKernel();
		}

		this.#link.onControl(message => this.#control(message));
		this.#batcher.emit({type: 'worker-up', worker, t: now(), pid: process.pid, process: processIndex, thread});
		this.#setState('idle');
		this.#batcher.flush();
		this.#pump();
		await this.#ended;
		await this.#workload.close().catch(() => undefined);
	}

	#control(message: ControlMessage): void {
		switch (message.type) {
			case 'grant': {
				this.#wantPending = false;
				if (message.done && this.#phase === 'open') {
					this.#phase = 'last';
				}

				if (this.#phase !== 'stopping' && this.#phase !== 'finished') {
					this.#held.add(message.tasks, message.urls);
				}

				break;
			}

			case 'pause': {
				this.#paused = true;
				return;
			}

			case 'resume': {
				this.#paused = false;
				break;
			}

			case 'stop': {
				if (this.#phase !== 'finished') {
					this.#phase = 'stopping';
				}

				this.#held.clear();
				this.#workload.cancel();
				break;
			}
		}

		this.#pump();
	}

	/** Start what the lane holds and may run, ask for more, and notice the end. */
	#pump(): void {
		if (this.#phase === 'stopping' || this.#phase === 'finished') {
			if (this.#inFlight === 0) {
				this.#finish();
			}

			return;
		}

		while (!this.#paused && this.#held.size > 0 && this.#inFlight < this.#slots) {
			const {task, url} = this.#held.take();
			this.#start(task, url);
		}

		if (this.#phase === 'open' && !this.#wantPending && !this.#wantScheduled) {
			this.#wantScheduled = true;
			setImmediate(() => this.#sendWant());
		}

		if (this.#inFlight === 0) {
			this.#setState('idle');
			if (this.#phase === 'last' && this.#held.size === 0) {
				this.#finish();
				return;
			}

			// Out of work, maybe for good: send the last task-end (and the CPU used) soon, not in 50 ms.
			this.#idleFlush ??= setTimeout(() => this.#flushIdle(), IDLE_FLUSH_MS);
		}
	}

	#flushIdle(): void {
		this.#idleFlush = undefined;
		if (this.#inFlight === 0) {
			if (now() - this.#sampledAt >= IDLE_SAMPLE_MIN_MS) {
				this.#emitSample();
			}

			this.#batcher.flush();
		}
	}

	#sendWant(): void {
		this.#wantScheduled = false;
		if (this.#phase !== 'open' || this.#wantPending) {
			return;
		}

		const k = this.#capacity - this.#held.size - this.#inFlight;
		if (k > 0) {
			this.#wantPending = true;
			this.#link.send({type: 'want', worker: this.#config.worker, k});
		}
	}

	#start(task: number, url: string | undefined): void {
		const {worker, kind} = this.#config;
		this.#inFlight++;
		const t0 = now();
		this.#batcher.emit({type: 'task-start', worker, task, t: t0});
		if (kind === 'loop') {
			this.#setState('io');
		}

		let running: Promise<TaskResult>;
		try {
			running = this.#workload.run(task, kind === 'blocking' ? next => this.#setState(next) : () => undefined, url);
		} catch (error) {
			running = Promise.reject(error);
		}

		running.then(
			result => {
				this.#end(task, t0, result);
			},
			(error: unknown) => {
				const stopped = this.#phase === 'stopping' || this.#phase === 'finished';
				this.#end(task, t0, {outcome: stopped ? 'cancelled' : 'failed', status: 0, bytes: 0, reason: reasonOf(error, stopped)});
			},
		);
	}

	#end(task: number, t0: number, result: TaskResult): void {
		const t = now();
		const {outcome, status, bytes, reason} = result;
		this.#batcher.emit({type: 'task-end', worker: this.#config.worker, task, t, outcome, status, bytes, latencyMs: t - t0, reason});
		this.#inFlight--;
		this.#pump();
	}

	#finish(): void {
		if (this.#phase === 'finished') {
			return;
		}

		this.#phase = 'finished';
		clearInterval(this.#sampler);
		clearTimeout(this.#idleFlush);
		this.#setState('idle');
		this.#emitSample();
		this.#batcher.flush();
		this.#link.send({type: 'stopped', worker: this.#config.worker});
		this.#resolveEnded();
	}

	#setState(next: WorkerState): void {
		if (next !== this.#state) {
			this.#state = next;
			this.#batcher.emit({type: 'state', worker: this.#config.worker, t: now(), state: next});
		}
	}

	#emitSample(): void {
		this.#sampledAt = now();
		this.#batcher.emit(this.#sample(this.#inFlight));
	}
}

/** Run one lane on this thread until it has ended (see Lane). */
export async function runLane(config: LaneConfig, link: LaneLink): Promise<void> {
	if (config.collect) {
		enableCollection();
	}

	const gil = config.gilBuffer ? createGil(config.gilBuffer) : undefined;
	const workload = await createWorkload({...config.workload, connections: slotsOf(config)}, gil);
	await new Lane(config, link, workload).run();
}

/** Tasks a lane runs at once: one for a blocking lane, `concurrency` for a loop. */
function slotsOf(config: LaneConfig): number {
	return config.kind === 'blocking' ? 1 : Math.max(1, config.concurrency);
}

function reasonOf(error: unknown, aborted: boolean): string {
	if (aborted) {
		return 'cancelled';
	}

	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0]!.slice(0, 60) || 'error';
}
