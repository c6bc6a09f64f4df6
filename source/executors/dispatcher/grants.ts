import {now} from '../../events/events.js';
import {fairShare} from './fair-share.js';
import type {LaneRecord} from './lane-record.js';
import type {ControlMessage} from '../protocol.js';
import type {TaskQueue} from './task-queue.js';

/** Whether lanes get ids now: `open`; `hold` (not started, or paused); `closed` (cancelling or finished: lanes are told no id will come). */
export type Gate = 'open' | 'hold' | 'closed';

export type GrantsOptions = {
	readonly lanes: readonly LaneRecord[];
	readonly queue: TaskQueue;
	readonly gate: () => Gate;
	send(worker: number, message: ControlMessage): void;
	/** Each task's URL, sent with its grant (a --urls file). */
	readonly urlsOf?: (tasks: readonly number[]) => string[];
	/** On a schedule, lanes holding fewest ids are served first. */
	readonly scheduled: boolean;
};

/**
 * The dispatcher's hand-out: a lane that asked for k ids gets them from the
 * one queue, within its fair share, so no lane takes a short run's every task.
 */
export class Grants {
	readonly #o: GrantsOptions;
	/** Lanes whose want waits because they hold their fair share already; served again as their tasks end. */
	readonly #capped = new Set<LaneRecord>();
	#messages = 0;
	#firstAt = Number.NaN;

	constructor(options: GrantsOptions) {
		this.#o = options;
	}

	/** Grant messages with ids sent so far. */
	get messages(): number {
		return this.#messages;
	}

	/** When the first id was handed out (NaN before). */
	get firstAt(): number {
		return this.#firstAt;
	}

	/** A lane asks for k ids. */
	want(lane: LaneRecord, k: number): void {
		lane.want = k;
		this.serve(lane);
	}

	/** Tell a lane no id will ever come again. */
	sendDone(lane: LaneRecord): void {
		lane.want = 0;
		this.#o.send(lane.worker, {type: 'grant', worker: lane.worker, tasks: [], done: true});
	}

	/** Serve every lane (after a resume, a death, a schedule tick). */
	serveAll(): void {
		const {lanes} = this.#o;
		for (const lane of this.#o.scheduled ? [...lanes].sort((a, b) => a.outstanding.size - b.outstanding.size) : lanes) {
			this.serve(lane);
		}
	}

	/** Serve again the lanes capped at their share (their tasks may have ended). */
	serveCapped(): void {
		if (this.#capped.size > 0) {
			const again = [...this.#capped];
			this.#capped.clear();
			for (const lane of again) {
				this.serve(lane);
			}
		}
	}

	/** Grant a waiting lane what it asked for, within its fair share of the queue. */
	serve(lane: LaneRecord): void {
		if (lane.dead || lane.want === 0) {
			return;
		}

		const gate = this.#o.gate();
		if (gate !== 'open') {
			if (gate === 'closed') {
				this.sendDone(lane);
			}

			return;
		}

		const room = fairShare(this.#o.lanes, this.#o.queue.size) - lane.outstanding.size;
		if (room <= 0) {
			this.#capped.add(lane);
			return;
		}

		const tasks = this.#o.queue.take(Math.min(lane.want, room));
		if (tasks.length === 0) {
			return;
		}

		for (const task of tasks) {
			lane.outstanding.set(task, Number.NaN);
		}

		lane.want = 0;
		if (Number.isNaN(this.#firstAt)) {
			this.#firstAt = now();
		}

		this.#messages++;
		const urls = this.#o.urlsOf ? {urls: this.#o.urlsOf(tasks)} : {};
		this.#o.send(lane.worker, {type: 'grant', worker: lane.worker, tasks, done: false, ...urls});
	}
}
