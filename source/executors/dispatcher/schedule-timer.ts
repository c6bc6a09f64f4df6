import {now} from '../../events/events.js';
import {dueBy, intendedAt, type Schedule} from '../../schedule/schedule.js';

/**
 * Wakes the dispatcher each time the next task of an open-model schedule
 * falls due, so it hands the task to a lane that waits for one. Ids already
 * due but not taken (every lane busy) stay queued: that is the backlog, and
 * the timer never spins on them.
 */
export type ScheduleTimer = {
	arm(): void;
	stop(): void;
};

export function createScheduleTimer(schedule: Schedule, wake: () => void): ScheduleTimer {
	let timer: NodeJS.Timeout | undefined;
	let stopped = false;
	const arm = (): void => {
		const table = schedule.table;
		if (timer || stopped || !table) {
			return;
		}

		const next = dueBy(table, now());
		if (next >= table.requests) {
			return;
		}

		timer = setTimeout(() => {
			timer = undefined;
			wake();
			arm();
		}, Math.max(0, intendedAt(table, next) - now()));
	};

	return {
		arm,
		stop() {
			stopped = true;
			clearTimeout(timer);
			timer = undefined;
		},
	};
}
