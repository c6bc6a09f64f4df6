import type {EventBus} from '../events/bus.js';
import {now, type EventBatch, type Outcome} from '../events/events.js';
import type {RunTotals} from './executor.js';
import {fairShare} from './fair-share.js';
import {filterBatch} from './filter-batch.js';
import {createLaneRecord, infoOf, type LaneRecord, type WorkerInfo} from './lane-record.js';
import {LIVES_PER_WORKER, UNASSIGNED_WORKER, type ControlMessage, type LaneMessage} from './protocol.js';
import {synthesiseEnds} from './synthesise.js';
import {createTaskQueue} from './task-queue.js';
import {createWaiters} from './waiters.js';

export const STOP_GRACE_MS = 1000;

export type DispatcherOptions = {
	readonly requests: number;
	readonly workers: number;
	readonly bus: EventBus;
	/** Send a message to one worker. */
	send(worker: number, message: ControlMessage): void;
	/** Send pause / resume / stop to every live worker. */
	broadcast(message: ControlMessage): void;
	/** Each task's URL, sent with its grant (a --urls file, read as tasks are handed out). */
	readonly urlsOf?: (tasks: readonly number[]) => string[];
	/** The executor replaces dead workers (see died()). */
	readonly replaceDead?: boolean;
};

export type DispatcherStats = {readonly batches: number; readonly wantMessages: number; readonly grantMessages: number};

export type Dispatcher = ReturnType<typeof createDispatcher>;

/**
 * The main thread's half of every executor: one queue, grants on demand, and
 * the accounting that makes every task end exactly once. It watches the
 * batches it forwards to the bus (dropping late events for ids already
 * ended), synthesises task-end events for cancelled and orphaned ids, and
 * requeues ids a dead worker had not started.
 */
export function createDispatcher(options: DispatcherOptions) {
	const {requests, bus} = options;
	const lanes: LaneRecord[] = Array.from({length: options.workers}, (_, i) => createLaneRecord(i));
	const queue = createTaskQueue(requests);
	const totals = {completed: 0, failed: 0, cancelled: 0, firstTaskAt: Number.NaN, lastEndAt: Number.NaN};
	let ended = 0;
	let running = false;
	let paused = false;
	let cancelling = false;
	let finished = false;
	let lastUpAt = Number.NaN;
	let cancelPromise: Promise<void> | undefined;
	/** Closing: stop waiting for workers to flush. */
	let hurry = false;
	let replacementsLeft = options.workers * LIVES_PER_WORKER;
	const {notify, until} = createWaiters();
	const stats = {batches: 0, wantMessages: 0, grantMessages: 0};
	/** Lanes whose want waits because they hold their fair share already; served again as their tasks end. */
	const capped = new Set<LaneRecord>();
	let resolveRun!: (totals: RunTotals) => void;
	const runPromise = new Promise<RunTotals>(resolve => {
		resolveRun = resolve;
	});

	const count = (outcome: Outcome, t: number, n = 1): void => {
		totals[outcome] += n;
		ended += n;
		if (!(t <= totals.lastEndAt)) {
			totals.lastEndAt = t;
		}
	};

	const finish = (): void => {
		if (finished) {
			return;
		}

		finished = true;
		for (const lane of lanes) {
			if (!lane.dead && !lane.stopped) {
				lane.want = 0;
				options.send(lane.worker, {type: 'grant', worker: lane.worker, tasks: [], done: true});
			}
		}

		resolveRun({requested: requests, ...totals});
		notify();
	};

	const checkDone = (): void => {
		if (running && ended >= requests && !cancelling) {
			finish();
		}
	};

	const serve = (lane: LaneRecord): void => {
		if (lane.dead || lane.want === 0) {
			return;
		}

		if (finished || cancelling) {
			lane.want = 0;
			options.send(lane.worker, {type: 'grant', worker: lane.worker, tasks: [], done: true});
			return;
		}

		if (!running || paused) {
			return;
		}

		const room = fairShare(lanes, queue.size) - lane.outstanding.size;
		if (room <= 0) {
			capped.add(lane);
			return;
		}

		const tasks = queue.take(Math.min(lane.want, room));
		if (tasks.length === 0) {
			return;
		}

		for (const task of tasks) {
			lane.outstanding.set(task, Number.NaN);
		}

		lane.want = 0;
		if (Number.isNaN(totals.firstTaskAt)) {
			totals.firstTaskAt = now();
		}

		stats.grantMessages++;
		options.send(lane.worker, {type: 'grant', worker: lane.worker, tasks, done: false, ...(options.urlsOf ? {urls: options.urlsOf(tasks)} : {})});
	};

	const serveAll = (): void => {
		for (const lane of lanes) {
			serve(lane);
		}
	};

	const endOutstanding = (lane: LaneRecord, outcome: Outcome, reason: string): void => {
		const entries = new Map(lane.outstanding);
		lane.outstanding.clear();
		void synthesiseEnds(bus, {worker: lane.worker, outcome, reason}, entries.keys(), count, task => entries.get(task)!);
	};

	const finalise = async (outcome: Outcome, reason: string): Promise<void> => {
		for (const lane of lanes) {
			endOutstanding(lane, outcome, reason);
		}

		const never = queue.clear();
		if (never > 0) {
			const t = now();
			bus.emit([{type: 'tasks-end', worker: UNASSIGNED_WORKER, t, outcome, count: never, reason}]);
			count(outcome, t, never);
		}

		finish();
	};

	/**
	 * A worker is gone: ids it had not started go back to the queue, those it
	 * had started fail as `worker died`. With replaceDead, returns true when the executor should
	 * start a replacement under the same id (the run goes on and the worker had
	 * come up; at most LIVES_PER_WORKER per worker): the lane waits for its
	 * worker-up as at start-up, and the run does not end for lack of workers.
	 */
	const died = (worker: number, code: number): boolean => {
		const lane = lanes[worker];
		if (!lane || lane.dead) {
			return false;
		}

		const replace = options.replaceDead === true && lane.up && !finished && !cancelling && replacementsLeft > 0;
		lane.dead = true;
		lane.want = 0;
		bus.emit([{type: 'worker-exit', worker, t: now(), code}]);
		const started = new Map<number, number>();
		for (const [task, t] of lane.outstanding) {
			if (Number.isNaN(t)) {
				queue.requeue(task);
			} else {
				started.set(task, t);
			}
		}

		lane.outstanding.clear();
		void synthesiseEnds(bus, {worker, outcome: 'failed', reason: 'worker died'}, started.keys(), count, task => started.get(task)!);
		if (replace) {
			replacementsLeft--;
			Object.assign(lane, {dead: false, up: false, stopped: false});
		}

		if (!finished && !cancelling && lanes.every(other => other.dead)) {
			cancelling = true;
			void finalise('failed', 'worker died');
		} else {
			serveAll();
			checkDone();
		}

		notify();
		return replace;
	};

	const control = (message: Exclude<LaneMessage, EventBatch>): void => {
		if (message.type === 'want' || message.type === 'wants') {
			stats.wantMessages++;
		}

		switch (message.type) {
			case 'want': {
				const lane = lanes[message.worker];
				if (lane) {
					lane.want = message.k;
					serve(lane);
				}

				break;
			}

			case 'wants': {
				for (let i = 0; i + 1 < message.wants.length; i += 2) {
					const lane = lanes[message.wants[i]!];
					if (lane) {
						lane.want = message.wants[i + 1]!;
						serve(lane);
					}
				}

				break;
			}

			case 'stopped': {
				const lane = lanes[message.worker];
				if (lane) {
					lane.stopped = true;
					lane.want = 0;
					notify();
				}

				break;
			}

			case 'died': {
				died(message.worker, message.code);
				break;
			}
		}
	};

	return {
		/** A batch from a worker: account for it, then forward it to the bus. */
		receive(batch: EventBatch): void {
			stats.batches++;
			const kept = filterBatch(batch, lanes, count, (lane, t) => {
				lane.up = true;
				if (!(t <= lastUpAt)) {
					lastUpAt = t;
				}

				notify();
			});
			if (kept) {
				bus.receive(kept);
			}

			if (capped.size > 0) {
				const again = [...capped];
				capped.clear();
				for (const lane of again) {
					serve(lane);
				}
			}

			checkDone();
		},
		control,
		died,
		/** Resolves with the time of the last worker-up once every worker is up or dead; rejects if none came up. */
		async up(): Promise<number> {
			await until(() => lanes.every(lane => lane.up || lane.dead));
			if (!lanes.some(lane => lane.up)) {
				throw new Error('no worker of the pool started');
			}

			return lastUpAt;
		},
		async run(): Promise<RunTotals> {
			if (!running && !cancelling) {
				running = true;
				serveAll();
				checkDone();
			}

			return runPromise;
		},
		pause(): void {
			if (!paused && !finished) {
				paused = true;
				options.broadcast({type: 'pause'});
			}
		},
		resume(): void {
			if (paused) {
				paused = false;
				options.broadcast({type: 'resume'});
				serveAll();
			}
		},
		/** Stop granting, stop the workers, wait ≤ 1 s for their last events, then end the rest as cancelled. */
		async cancel(): Promise<void> {
			if (finished) {
				return;
			}

			cancelPromise ??= (async () => {
				cancelling = true;
				options.broadcast({type: 'stop'});
				serveAll();
				await until(() => hurry || lanes.every(lane => lane.dead || lane.stopped || !lane.up), STOP_GRACE_MS);
				await finalise('cancelled', 'cancelled');
			})();
			await cancelPromise;
		},
		/** End the run now (closing mid-run): everything not ended is cancelled without waiting for workers. */
		async abandon(): Promise<void> {
			hurry = true;
			notify();
			if (finished || cancelPromise) {
				await cancelPromise;
				return;
			}

			cancelling = true;
			cancelPromise = finalise('cancelled', 'cancelled');
			await cancelPromise;
		},
		workers: (): WorkerInfo[] => lanes.map(lane => infoOf(lane)),
		/** Messages so far: event batches received, want messages received, grants with tasks sent. */
		stats: (): DispatcherStats => ({...stats}),
		get finished() {
			return finished;
		},
	};
}
