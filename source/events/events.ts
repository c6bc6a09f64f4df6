/**
 * The events executors emit, and the packed batch they travel in.
 *
 * Workers never send one message per event: they fill an EventBatch (a
 * Float64Array, STRIDE slots per event, plus a small string table for
 * failure reasons) and post it every BATCH_MAX_DELAY_MS or BATCH_MAX_EVENTS
 * (events/bus.ts), whichever comes first. The buffer is
 * transferred between threads and structured-cloned over IPC, so a batch
 * costs about as much as one small message whatever it holds.
 *
 * Times are epoch milliseconds with sub-millisecond precision (`now()`), so
 * events from several processes line up on one clock.
 */

/** What a lane is doing: running JS on its thread, waiting on I/O, waiting for the GIL, or with no task. */
export type WorkerState = 'computing' | 'io' | 'gil' | 'idle';
export type Outcome = 'completed' | 'failed' | 'cancelled';

export type WorkerUpEvent = {
	readonly type: 'worker-up';
	readonly worker: number;
	readonly t: number;
	readonly pid: number;
	/** Index of the OS process among the pool's processes (0 for thread pools). */
	readonly process: number;
	/** Index of the thread inside its process. */
	readonly thread: number;
};

export type WorkerExitEvent = {
	readonly type: 'worker-exit';
	readonly worker: number;
	readonly t: number;
	/** Exit code; 0 for a clean end. */
	readonly code: number;
};

export type TaskStartEvent = {
	readonly type: 'task-start';
	readonly worker: number;
	readonly task: number;
	readonly t: number;
};

export type TaskEndEvent = {
	readonly type: 'task-end';
	readonly worker: number;
	readonly task: number;
	readonly t: number;
	readonly outcome: Outcome;
	/** HTTP status, 0 when there was none (cpu work, network error, cancel). */
	readonly status: number;
	/** Response body bytes read. */
	readonly bytes: number;
	/** From task-start to task-end, ms. */
	readonly latencyMs: number;
	/** Short reason for failed/cancelled (`status 500`, `timeout`, `ECONNREFUSED`, `cancelled`), '' when completed. */
	readonly reason: string;
};

/**
 * Tasks that never reached a worker, ended all at once on the main thread
 * (a cancel, or every worker dead): one event with their count, so ending
 * millions of queued tasks costs one event, not millions.
 */
export type TasksEndEvent = {
	readonly type: 'tasks-end';
	/** UNASSIGNED_WORKER (-1): no worker had them. */
	readonly worker: number;
	readonly t: number;
	readonly outcome: Outcome;
	readonly count: number;
	readonly reason: string;
};

export type StateEvent = {
	readonly type: 'state';
	readonly worker: number;
	readonly t: number;
	readonly state: WorkerState;
};

export type SampleEvent = {
	readonly type: 'sample';
	readonly worker: number;
	readonly t: number;
	/** CPU time (user + system) this worker used since its previous sample, ms. */
	readonly cpuMs: number;
	/** Event-loop utilisation since the previous sample, 0..1. */
	readonly elu: number;
	/** Tasks in flight on this worker right now. */
	readonly inFlight: number;
	/** Resident set size of the worker's process, bytes. */
	readonly rssBytes: number;
};

export type BusEvent =
	| WorkerUpEvent
	| WorkerExitEvent
	| TaskStartEvent
	| TaskEndEvent
	| TasksEndEvent
	| StateEvent
	| SampleEvent;

export type EventType = BusEvent['type'];

/** Epoch ms with sub-ms precision; comparable across threads and processes. */
export const now = (): number => performance.timeOrigin + performance.now();

// ---- packed batches -------------------------------------------------------

export const STRIDE = 9;
const KIND = ['worker-up', 'worker-exit', 'task-start', 'task-end', 'state', 'sample', 'tasks-end'] as const;
const KIND_CODE: Record<EventType, number> = {
	'worker-up': 0,
	'worker-exit': 1,
	'task-start': 2,
	'task-end': 3,
	state: 4,
	sample: 5,
	'tasks-end': 6,
};
const STATES: readonly WorkerState[] = ['computing', 'io', 'gil', 'idle'];
const OUTCOMES: readonly Outcome[] = ['completed', 'failed', 'cancelled'];

/** What crosses a thread or process boundary: `count` events packed in `data`. */
export type EventBatch = {
	readonly data: Float64Array;
	readonly count: number;
	readonly reasons: readonly string[];
};

/** A reason's index in the batch's string table (added if new), -1 for none. */
function reasonIndex(reasons: string[], reason: string): number {
	if (reason === '') {
		return -1;
	}

	const r = reasons.indexOf(reason);
	return r === -1 ? reasons.push(reason) - 1 : r;
}

const reasonAt = (batch: EventBatch, r: number): string => (r < 0 ? '' : batch.reasons[r]!);

export function encodeInto(data: Float64Array, index: number, event: BusEvent, reasons: string[]): void {
	const o = index * STRIDE;
	data[o] = KIND_CODE[event.type];
	data[o + 1] = event.worker;
	data[o + 3] = event.t;
	switch (event.type) {
		case 'worker-up': {
			data[o + 2] = 0;
			data[o + 4] = event.pid;
			data[o + 5] = event.process;
			data[o + 6] = event.thread;
			break;
		}

		case 'worker-exit': {
			data[o + 2] = 0;
			data[o + 4] = event.code;
			break;
		}

		case 'task-start': {
			data[o + 2] = event.task;
			break;
		}

		case 'task-end': {
			data[o + 2] = event.task;
			data[o + 4] = OUTCOMES.indexOf(event.outcome);
			data[o + 5] = event.status;
			data[o + 6] = event.bytes;
			data[o + 7] = event.latencyMs;
			data[o + 8] = reasonIndex(reasons, event.reason);
			break;
		}

		case 'tasks-end': {
			data[o + 2] = event.count;
			data[o + 4] = OUTCOMES.indexOf(event.outcome);
			data[o + 8] = reasonIndex(reasons, event.reason);
			break;
		}

		case 'state': {
			data[o + 2] = 0;
			data[o + 4] = STATES.indexOf(event.state);
			break;
		}

		case 'sample': {
			data[o + 2] = 0;
			data[o + 4] = event.cpuMs;
			data[o + 5] = event.elu;
			data[o + 6] = event.inFlight;
			data[o + 7] = event.rssBytes;
			break;
		}
	}
}

function decodeAt(batch: EventBatch, index: number): BusEvent {
	const d = batch.data;
	const o = index * STRIDE;
	const type = KIND[d[o]!]!;
	const worker = d[o + 1]!;
	const t = d[o + 3]!;
	switch (type) {
		case 'worker-up': {
			return {type, worker, t, pid: d[o + 4]!, process: d[o + 5]!, thread: d[o + 6]!};
		}

		case 'worker-exit': {
			return {type, worker, t, code: d[o + 4]!};
		}

		case 'task-start': {
			return {type, worker, t, task: d[o + 2]!};
		}

		case 'task-end': {
			return {
				type,
				worker,
				t,
				task: d[o + 2]!,
				outcome: OUTCOMES[d[o + 4]!]!,
				status: d[o + 5]!,
				bytes: d[o + 6]!,
				latencyMs: d[o + 7]!,
				reason: reasonAt(batch, d[o + 8]!),
			};
		}

		case 'tasks-end': {
			return {type, worker, t, count: d[o + 2]!, outcome: OUTCOMES[d[o + 4]!]!, reason: reasonAt(batch, d[o + 8]!)};
		}

		case 'state': {
			return {type, worker, t, state: STATES[d[o + 4]!]!};
		}

		case 'sample': {
			return {type, worker, t, cpuMs: d[o + 4]!, elu: d[o + 5]!, inFlight: d[o + 6]!, rssBytes: d[o + 7]!};
		}
	}
}

export function decodeBatch(batch: EventBatch): BusEvent[] {
	const events: BusEvent[] = [];
	for (let i = 0; i < batch.count; i++) {
		events.push(decodeAt(batch, i));
	}

	return events;
}

export function encodeBatch(events: readonly BusEvent[]): EventBatch {
	const data = new Float64Array(events.length * STRIDE);
	const reasons: string[] = [];
	for (const [i, event] of events.entries()) {
		encodeInto(data, i, event, reasons);
	}

	return {data, count: events.length, reasons};
}

/** Is this message an EventBatch (as received over a port or IPC)? */
export function isEventBatch(message: unknown): message is EventBatch {
	return typeof message === 'object' && message !== null && (message as EventBatch).data instanceof Float64Array;
}
