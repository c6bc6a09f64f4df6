import {now} from '../../events/events.js';
import {TaskTimes} from './task-times.js';

/** What the dispatcher knows of one worker (lane). */
export type LaneRecord = {
	readonly worker: number;
	up: boolean;
	dead: boolean;
	/** Sent `stopped`: it ended and flushed everything. */
	stopped: boolean;
	/** Ids asked for and not yet granted (a parked want), 0 when none. */
	want: number;
	/** Granted ids not yet ended → start time (NaN until task-start). Bounded by the lane's capacity. */
	readonly outstanding: TaskTimes;
	pid: number;
	process: number;
	thread: number;
	/** When anything of this lane last arrived (or it was started), epoch ms: the watchdog's clock. */
	heardAt: number;
};

export const createLaneRecord = (worker: number): LaneRecord => ({
	worker,
	up: false,
	dead: false,
	stopped: false,
	want: 0,
	outstanding: new TaskTimes(),
	pid: 0,
	process: 0,
	thread: 0,
	heardAt: now(),
});

/** A worker as the session may want to know it (pids come with worker-up). */
export type WorkerInfo = {
	readonly worker: number;
	readonly pid: number;
	readonly process: number;
	readonly thread: number;
	readonly up: boolean;
	readonly dead: boolean;
};

export const infoOf = (lane: LaneRecord): WorkerInfo => ({
	worker: lane.worker,
	pid: lane.pid,
	process: lane.process,
	thread: lane.thread,
	up: lane.up,
	dead: lane.dead,
});

/**
 * A dead lane's ids, taken from it: those it had not started (to hand out
 * again) and those it had (to fail), with their start times.
 */
export function takeOutstanding(lane: LaneRecord): {notStarted: number[]; started: Map<number, number>} {
	const notStarted: number[] = [];
	const started = new Map<number, number>();
	for (const [task, t] of lane.outstanding) {
		if (Number.isNaN(t)) {
			notStarted.push(task);
		} else {
			started.set(task, t);
		}
	}

	lane.outstanding.clear();
	return {notStarted, started};
}
