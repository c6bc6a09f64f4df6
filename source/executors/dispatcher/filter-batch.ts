import type {EventBatch, Outcome} from '../../events/events.js';
import {STRIDE} from '../../events/events.js';
import {
	KIND_TASK_END, KIND_TASK_START, KIND_WORKER_UP, OUTCOME_OF,
	SLOT_OUTCOME, SLOT_PID, SLOT_PROCESS, SLOT_T, SLOT_TASK, SLOT_THREAD, SLOT_WORKER,
} from './layout.js';
import type {LaneRecord} from './lane-record.js';

/**
 * Account for one batch, reading the packed data directly: task-start marks
 * an outstanding id started, task-end ends it (calling `count`), worker-up
 * marks the lane up. Events that no longer belong (ids already ended, a dead
 * worker's leftovers, unknown workers) are dropped. Returns the batch to
 * forward — the same one when nothing was dropped — or undefined when empty.
 */
export function filterBatch(
	batch: EventBatch,
	lanes: readonly LaneRecord[],
	count: (outcome: Outcome, t: number) => void,
	onUp: (lane: LaneRecord, t: number) => void,
): EventBatch | undefined {
	const d = batch.data;
	let drop: number[] | undefined;
	for (let i = 0, o = 0; i < batch.count; i++, o += STRIDE) {
		const lane = lanes[d[o + SLOT_WORKER]!];
		if (!lane || lane.dead) {
			(drop ??= []).push(i);
			continue;
		}

		const kind = d[o]!;
		if (kind === KIND_TASK_START) {
			const task = d[o + SLOT_TASK]!;
			const start = lane.outstanding.get(task);
			if (start === undefined || !Number.isNaN(start)) {
				(drop ??= []).push(i);
			} else {
				lane.outstanding.set(task, d[o + SLOT_T]!);
			}
		} else if (kind === KIND_TASK_END) {
			if (lane.outstanding.delete(d[o + SLOT_TASK]!)) {
				count(OUTCOME_OF.get(d[o + SLOT_OUTCOME]!) ?? 'failed', d[o + SLOT_T]!);
			} else {
				(drop ??= []).push(i);
			}
		} else if (kind === KIND_WORKER_UP) {
			lane.pid = d[o + SLOT_PID]!;
			lane.process = d[o + SLOT_PROCESS]!;
			lane.thread = d[o + SLOT_THREAD]!;
			onUp(lane, d[o + SLOT_T]!);
		}
	}

	if (!drop) {
		return batch;
	}

	const keep = batch.count - drop.length;
	if (keep === 0) {
		return undefined;
	}

	const data = new Float64Array(keep * STRIDE);
	let j = 0;
	let next = 0;
	for (let i = 0; i < batch.count; i++) {
		if (i === drop[next]) {
			next++;
			continue;
		}

		data.set(d.subarray(i * STRIDE, (i + 1) * STRIDE), j * STRIDE);
		j++;
	}

	return {data, count: keep, reasons: batch.reasons};
}
