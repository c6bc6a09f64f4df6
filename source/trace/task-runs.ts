import type {BusEvent} from '../events/events.js';

/** A task's span on a core: what the task view draws █ (metrics/task-slices.ts), from the same events. */
export type RunSpan = {readonly worker: number; readonly task: number; readonly from: number; readonly to: number};

/**
 * Each task's spans on a core, from the lanes' events as they arrive (each lane's in its order): on a blocking
 * lane, while its lane computes with the task in flight; on a loop, the CPU sections the lane marks with the
 * task's id. Keeps one record per blocking lane and one per loop task inside a CPU section: nothing per task.
 */
export function createTaskRuns(loop: boolean): (e: BusEvent, done: (span: RunSpan) => void) => void {
	const lanes = new Map<number, {task: number; computing: boolean; from: number | null}>();
	const sections = new Map<number, {worker: number; from: number}>();
	const laneOf = (worker: number): {task: number; computing: boolean; from: number | null} => {
		let lane = lanes.get(worker);
		if (!lane) {
			lane = {task: -1, computing: false, from: null};
			lanes.set(worker, lane);
		}

		return lane;
	};

	const close = (worker: number, t: number, done: (span: RunSpan) => void): void => {
		const lane = laneOf(worker);
		if (lane.from !== null && lane.task >= 0 && t > lane.from) {
			done({worker, task: lane.task, from: lane.from, to: t});
		}

		lane.from = null;
	};

	const closeSection = (task: number, t: number, done: (span: RunSpan) => void): void => {
		const open = sections.get(task);
		if (open) {
			sections.delete(task);
			if (t > open.from) {
				done({worker: open.worker, task, from: open.from, to: t});
			}
		}
	};

	return (e, done) => {
		switch (e.type) {
			case 'task-start': {
				if (!loop) {
					const lane = laneOf(e.worker);
					lane.task = e.task;
					lane.from = lane.computing ? e.t : null;
				}

				break;
			}

			case 'task-end': {
				if (loop) {
					closeSection(e.task, e.t, done);
				} else if (laneOf(e.worker).task === e.task) {
					close(e.worker, e.t, done);
					laneOf(e.worker).task = -1;
				}

				break;
			}

			case 'state': {
				if (e.task !== undefined) {
					closeSection(e.task, e.t, done);
					if (e.state === 'computing') {
						sections.set(e.task, {worker: e.worker, from: e.t});
					}
				} else if (!loop) {
					const lane = laneOf(e.worker);
					lane.computing = e.state === 'computing';
					if (!lane.computing) {
						close(e.worker, e.t, done);
					} else if (lane.task >= 0 && lane.from === null) {
						lane.from = e.t;
					}
				}

				break;
			}

			default:
		}
	};
}
