import type {EventBus} from '../../events/bus.js';
import type {Schedule} from '../../schedule/schedule.js';
import type {ControlMessage} from '../protocol.js';

export const STOP_GRACE_MS = 1000;
export {LIVES_PER_WORKER} from '../protocol.js';

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
	/**
	 * A lane said nothing for too long (watchdog.ts): the executor kills it and
	 * calls died(worker, code, 'worker hung'). Absent: no watchdog.
	 */
	readonly hung?: (worker: number) => void;
	/** Silence an up lane may keep before it is hung, ms (HUNG_SILENCE_MS). */
	readonly silenceMs?: number;
	/** Time a lane has to come up, ms (START_DEADLINE_MS). */
	readonly startMs?: number;
};

/** Silence a lane that is up may keep, ms, on top of its longest CPU section (a lane's loop is blocked while its kernel runs). */
export const HUNG_SILENCE_MS = 5000;
/** Time a worker has to come up, ms, plus START_PER_WORKER_MS for each worker of the pool (they start at once and share the cores). */
export const START_DEADLINE_MS = 10_000;
export const START_PER_WORKER_MS = 50;

export type DispatcherStats = {readonly batches: number; readonly wantMessages: number; readonly grantMessages: number};

/** A dispatcher's phase: `ready` until run(); `running` (paused or not); `cancelling` once ending what is left has begun; `finished`: every id ended. */
export type Phase = 'ready' | 'running' | 'cancelling' | 'finished';
