/**
 * Where the dispatcher finds what it needs in a packed batch, read without
 * decoding events into objects. The slots are found once by encoding probe
 * events with the contract's own encoder, so they follow events.ts.
 */
import {encodeInto, STRIDE, type BusEvent, type Outcome} from '../../events/events.js';

const probe = new Float64Array(STRIDE);
const encode = (event: BusEvent): Float64Array => {
	probe.fill(Number.NaN);
	encodeInto(probe, 0, event, []);
	return probe;
};

const slotOf = (value: number): number => probe.indexOf(value);

const taskStart = encode({type: 'task-start', worker: 101, task: 202, t: 303});
export const KIND_TASK_START = taskStart[0]!;
export const SLOT_WORKER = slotOf(101);
export const SLOT_TASK = slotOf(202);
export const SLOT_T = slotOf(303);

const taskEnd = (outcome: Outcome): Float64Array =>
	encode({type: 'task-end', worker: 0, task: 0, t: 0, outcome, status: 404, bytes: 0, latencyMs: 0, reason: ''});
export const KIND_TASK_END = taskEnd('completed')[0]!;
const statusSlot = slotOf(404);
// The outcome slot is the one that differs between two outcomes.
const completedRow = [...taskEnd('completed')];
const failedRow = [...taskEnd('failed')];
export const SLOT_OUTCOME = completedRow.findIndex((value, i) => i !== statusSlot && value !== failedRow[i]);
/** Outcome code → outcome. */
export const OUTCOME_OF = new Map<number, Outcome>(
	(['completed', 'failed', 'cancelled'] as const).map(outcome => [taskEnd(outcome)[SLOT_OUTCOME]!, outcome]),
);

const up = encode({type: 'worker-up', worker: 0, t: 0, pid: 4242, process: 5151, thread: 6161});
export const KIND_WORKER_UP = up[0]!;
export const SLOT_PID = slotOf(4242);
export const SLOT_PROCESS = slotOf(5151);
export const SLOT_THREAD = slotOf(6161);
