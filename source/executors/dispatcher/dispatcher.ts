import {now, type EventBatch, type Outcome} from '../../events/events.js';
import {dueBy} from '../../schedule/schedule.js';
import type {RunTotals} from '../executor.js';
import {filterBatch} from './filter-batch.js';
import {Grants} from './grants.js';
import {createLaneRecord, infoOf, takeOutstanding, type LaneRecord, type WorkerInfo} from './lane-record.js';
import {LIVES_PER_WORKER, STOP_GRACE_MS, type DispatcherOptions, type DispatcherStats, type Phase} from './dispatcher-options.js';
import {heardFrom, watchLanes} from './watchdog.js';
import type {LaneMessage} from '../protocol.js';
import {createScheduleTimer, type ScheduleTimer} from './schedule-timer.js';
import {endHeld, endQueued} from './synthesise.js';
import {createTaskQueue, type TaskQueue} from './task-queue.js';
import {createWaiters, type Waiters} from './waiters.js';

export {HUNG_SILENCE_MS, LIVES_PER_WORKER, START_DEADLINE_MS, STOP_GRACE_MS, type DispatcherOptions, type DispatcherStats} from './dispatcher-options.js';

/**
 * The main thread's half of every executor (docs/architecture.md,
 * "Exactly-once accounting"): one queue, grants on demand, and the
 * accounting that makes every task end exactly once. It watches the batches
 * it forwards to the bus (dropping late events for ids already ended),
 * synthesises task-end events for cancelled and orphaned ids, and requeues
 * ids a dead worker had not started.
 */
export class Dispatcher {
	readonly #options: DispatcherOptions;
	readonly #lanes: LaneRecord[];
	readonly #queue: TaskQueue;
	readonly #timer: ScheduleTimer | undefined;
	readonly #grants: Grants;
	readonly #totals = {completed: 0, failed: 0, cancelled: 0, lastEndAt: Number.NaN};
	readonly #stats = {batches: 0, wantMessages: 0};
	readonly #waiters: Waiters = createWaiters();
	readonly #done: Promise<RunTotals>;
	#resolveDone!: (totals: RunTotals) => void;
	#phase: Phase = 'ready';
	#paused = false;
	/** Closing: stop waiting for workers to flush. */
	#hurry = false;
	#ended = 0;
	#lastUpAt = Number.NaN;
	#replacementsLeft: number;
	#cancelling: Promise<void> | undefined;
	readonly #stopWatchdog: () => void;

	constructor(options: DispatcherOptions) {
		this.#options = options;
		this.#lanes = Array.from({length: options.workers}, (_, i) => createLaneRecord(i));
		const {schedule} = options;
		this.#queue = schedule
			? createTaskQueue(options.requests, () => (schedule.table ? dueBy(schedule.table, now()) : 0))
			: createTaskQueue(options.requests);
		this.#grants = new Grants({
			lanes: this.#lanes,
			queue: this.#queue,
			gate: () => (this.#phase === 'cancelling' || this.#phase === 'finished' ? 'closed' : this.#phase === 'running' && !this.#paused ? 'open' : 'hold'),
			send: options.send,
			urlsOf: options.urlsOf,
			scheduled: schedule !== undefined,
		});
		this.#timer = schedule ? createScheduleTimer(schedule, () => this.#grants.serveAll()) : undefined;
		this.#replacementsLeft = options.workers * LIVES_PER_WORKER;
		this.#done = new Promise<RunTotals>(resolve => {
			this.#resolveDone = resolve;
		});
		this.#stopWatchdog = watchLanes(options, this.#lanes, () => this.#phase === 'ready' || this.#phase === 'running');
	}

	/** A batch from a worker: account for it, then forward it to the bus. */
	receive(batch: EventBatch): void {
		this.#stats.batches++;
		heardFrom(batch, this.#lanes);

		const kept = filterBatch(batch, this.#lanes, this.#count, (lane, t) => {
			lane.up = true;
			if (!(t <= this.#lastUpAt)) {
				this.#lastUpAt = t;
			}

			this.#waiters.notify();
		});
		if (kept) {
			this.#options.bus.receive(kept);
		}

		this.#grants.serveCapped();
		this.#checkDone();
	}

	/** A lane's message other than an event batch: wants, `stopped`, `died`. */
	control(message: Exclude<LaneMessage, EventBatch>): void {
		switch (message.type) {
			case 'want':
			case 'wants': {
				// A child process relays its threads' wants as flat pairs (worker, k).
				this.#stats.wantMessages++;
				const pairs = message.type === 'want' ? [message.worker, message.k] : message.wants;
				for (let i = 0; i + 1 < pairs.length; i += 2) {
					this.#want(pairs[i]!, pairs[i + 1]!);
				}

				break;
			}

			case 'stopped': {
				const lane = this.#lanes[message.worker];
				if (lane) {
					lane.stopped = true;
					lane.want = 0;
					this.#waiters.notify();
				}

				break;
			}

			case 'died': {
				this.died(message.worker, message.code);
				break;
			}
		}
	}

	/**
	 * A worker is gone: ids it had not started go back to the queue, those it
	 * had started fail as `reason` (`worker died`, or `worker hung` when the
	 * watchdog had it killed). With replaceDead, returns true when
	 * the executor should start a replacement under the same id (the run goes
	 * on and the worker had come up; at most LIVES_PER_WORKER per worker): the
	 * lane waits for its worker-up as at start-up.
	 */
	died(worker: number, code: number, reason = 'worker died'): boolean {
		const lane = this.#lanes[worker];
		if (!lane || lane.dead) {
			return false;
		}

		const going = this.#phase === 'ready' || this.#phase === 'running';
		const replace = this.#options.replaceDead === true && lane.up && going && this.#replacementsLeft > 0;
		lane.dead = true;
		lane.want = 0;
		this.#options.bus.emit([{type: 'worker-exit', worker, t: now(), code}]);
		const {notStarted, started} = takeOutstanding(lane);
		for (const task of notStarted) {
			this.#queue.requeue(task);
		}

		endHeld(this.#options.bus, worker, started, {outcome: 'failed', reason}, this.#count);
		if (replace) {
			this.#replacementsLeft--;
			Object.assign(lane, {dead: false, up: false, stopped: false, heardAt: now()});
		}

		if (going && this.#lanes.every(other => other.dead)) {
			this.#phase = 'cancelling';
			void this.#finalise('failed', 'worker died');
		} else {
			this.#grants.serveAll();
			this.#checkDone();
		}

		this.#waiters.notify();
		return replace;
	}

	/** Resolves with the time of the last worker-up once every worker is up or dead; rejects if none came up. */
	async up(): Promise<number> {
		await this.#waiters.until(() => this.#lanes.every(lane => lane.up || lane.dead));
		if (!this.#lanes.some(lane => lane.up)) {
			throw new Error('no worker of the pool started');
		}

		return this.#lastUpAt;
	}

	/** Start handing out ids (once); resolves when every id has ended. */
	async run(): Promise<RunTotals> {
		if (this.#phase === 'ready') {
			this.#phase = 'running';
			const {schedule} = this.#options;
			if (schedule && this.#timer) {
				schedule.start(now());
				this.#timer.arm();
			}

			this.#grants.serveAll();
			this.#checkDone();
		}

		return this.#done;
	}

	pause(): void {
		if (!this.#paused && this.#phase !== 'finished') {
			this.#paused = true;
			this.#options.broadcast({type: 'pause'});
		}
	}

	resume(): void {
		if (this.#paused) {
			this.#paused = false;
			this.#options.broadcast({type: 'resume'});
			this.#grants.serveAll();
		}
	}

	/** Stop granting, stop the workers, wait ≤ 1 s for their last events, then end the rest as cancelled. */
	async cancel(): Promise<void> {
		if (this.#phase === 'finished') {
			return;
		}

		this.#cancelling ??= (async () => {
			this.#phase = 'cancelling';
			this.#options.broadcast({type: 'stop'});
			this.#grants.serveAll();
			await this.#waiters.until(() => this.#hurry || this.#lanes.every(lane => lane.dead || lane.stopped || !lane.up), STOP_GRACE_MS);
			await this.#finalise('cancelled', 'cancelled');
		})();
		await this.#cancelling;
	}

	/** End the run now (closing mid-run): everything not ended is cancelled without waiting for workers. */
	async abandon(): Promise<void> {
		this.#hurry = true;
		this.#waiters.notify();
		if (this.#phase === 'finished' || this.#cancelling) {
			await this.#cancelling;
			return;
		}

		this.#phase = 'cancelling';
		this.#cancelling = this.#finalise('cancelled', 'cancelled');
		await this.#cancelling;
	}

	workers(): WorkerInfo[] {
		return this.#lanes.map(lane => infoOf(lane));
	}

	/** Messages so far: event batches received, want messages received, grants with tasks sent. */
	stats(): DispatcherStats {
		return {...this.#stats, grantMessages: this.#grants.messages};
	}

	readonly #count = (outcome: Outcome, t: number, n = 1): void => {
		this.#totals[outcome] += n;
		this.#ended += n;
		if (!(t <= this.#totals.lastEndAt)) {
			this.#totals.lastEndAt = t;
		}
	};

	#want(worker: number, k: number): void {
		const lane = this.#lanes[worker];
		if (lane) {
			lane.heardAt = now();
			this.#grants.want(lane, k);
		}
	}

	#checkDone(): void {
		if (this.#phase === 'running' && this.#ended >= this.#options.requests) {
			this.#finish();
		}
	}

	#finish(): void {
		if (this.#phase === 'finished') {
			return;
		}

		this.#phase = 'finished';
		this.#timer?.stop();
		this.#stopWatchdog();
		for (const lane of this.#lanes) {
			if (!lane.dead && !lane.stopped) {
				this.#grants.sendDone(lane);
			}
		}

		this.#resolveDone({requested: this.#options.requests, ...this.#totals, firstTaskAt: this.#grants.firstAt});
		this.#waiters.notify();
	}

	/** End every id not ended yet with `outcome`: those held by lanes one by one, those never handed out in one bulk event. */
	async #finalise(outcome: Outcome, reason: string): Promise<void> {
		this.#timer?.stop();
		for (const lane of this.#lanes) {
			endHeld(this.#options.bus, lane.worker, lane.outstanding, {outcome, reason}, this.#count);
		}

		endQueued(this.#options.bus, this.#queue.clear(), {outcome, reason}, this.#count);
		this.#finish();
	}
}

export const createDispatcher = (options: DispatcherOptions): Dispatcher => new Dispatcher(options);
