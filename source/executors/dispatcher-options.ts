import type {EventBus} from '../events/bus.js';
import type {Schedule} from '../schedule/schedule.js';
import type {ControlMessage} from './protocol.js';

export const STOP_GRACE_MS = 1000;
export {LIVES_PER_WORKER} from './protocol.js';

export type DispatcherOptions = {
	readonly requests: number;
	readonly workers: number;
	readonly bus: EventBus;
	/** Send a message to one worker. */
	send(worker: number, message: ControlMessage): void;
	/** Send pause / resume / stop to every live worker. */
	broadcast(message: ControlMessage): void;
	/** --rate: hand out task i no earlier than its intended start (an open model); absent: as fast as lanes ask. */
	readonly schedule?: Schedule;
	/** Each task's URL, sent with its grant (a --urls file, read as tasks are handed out). */
	readonly urlsOf?: (tasks: readonly number[]) => string[];
	/** The executor replaces dead workers (see died()). */
	readonly replaceDead?: boolean;
};

export type DispatcherStats = {readonly batches: number; readonly wantMessages: number; readonly grantMessages: number};
