import type {EventBus} from '../../events/bus.js';
import {now, type Outcome, type TaskEndEvent} from '../../events/events.js';
import {UNASSIGNED_WORKER} from '../protocol.js';

const CHUNK = 10_000;

/**
 * Emit task-end events made on the main thread (cancelled, or failed because
 * a worker died) for `tasks`, calling `count` for each. Emitted in chunks,
 * yielding to the event loop between them, so a long list does not freeze the
 * UI; up to one chunk is emitted synchronously. (Ids never handed out end
 * in one tasks-end event instead: see the dispatcher.)
 * `startOf` gives a task's start time (NaN when it never started: latency 0).
 */
async function synthesiseEnds(
	bus: EventBus,
	end: {worker: number; outcome: Outcome; reason: string},
	tasks: Iterable<number>,
	count: (outcome: Outcome, t: number) => void,
	startOf: (task: number) => number = () => Number.NaN,
): Promise<void> {
	const {worker, outcome, reason} = end;
	let chunk: TaskEndEvent[] = [];
	for (const task of tasks) {
		const t = now();
		const started = startOf(task);
		chunk.push({type: 'task-end', worker, task, t, outcome, status: 0, bytes: 0, latencyMs: Number.isNaN(started) ? 0 : t - started, reason});
		count(outcome, t);
		if (chunk.length >= CHUNK) {
			bus.emit(chunk);
			chunk = [];
			await new Promise(resolve => {
				setImmediate(resolve);
			});
		}
	}

	bus.emit(chunk);
}

/** End the ids a lane held (id → start time, NaN if not started), each with its own task-end; the map is taken. */
export function endHeld(bus: EventBus, worker: number, held: Iterable<[number, number]> & {clear(): void}, ending: {outcome: Outcome; reason: string}, count: (outcome: Outcome, t: number) => void): void {
	const taken = new Map(held);
	held.clear();
	void synthesiseEnds(bus, {worker, ...ending}, taken.keys(), count, task => taken.get(task)!);
}

/** End `never` ids that no worker ever had in one tasks-end event (a cancel of millions is one event). */
export function endQueued(bus: EventBus, never: number, ending: {outcome: Outcome; reason: string}, count: (outcome: Outcome, t: number, n: number) => void): void {
	if (never > 0) {
		const t = now();
		bus.emit([{type: 'tasks-end', worker: UNASSIGNED_WORKER, t, count: never, ...ending}]);
		count(ending.outcome, t, never);
	}
}
