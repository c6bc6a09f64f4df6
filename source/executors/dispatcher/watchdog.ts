import {now} from '../../events/events.js';
import type {EventBatch} from '../../events/events.js';
import {HUNG_SILENCE_MS, START_DEADLINE_MS, START_PER_WORKER_MS, type DispatcherOptions} from './dispatcher-options.js';
import {SLOT_WORKER} from './layout.js';
import type {ExecutorOptions} from '../executor.js';
import type {LaneRecord} from './lane-record.js';

/** How often the watchdog looks, ms. */
const TICK_MS = 250;
/** A tick this late means this thread itself was stalled (a long GC, a stopped process): it forgives every lane's silence. */
const STALLED_MS = 4 * TICK_MS;

export type WatchdogOptions = {
	readonly lanes: readonly LaneRecord[];
	/** Silence a lane that is up may keep, ms: its heartbeat is the sample it sends every 100 ms. */
	readonly silenceMs: number;
	/** Time a lane not yet up has to send its worker-up, ms. */
	readonly startMs: number;
	/** Whether lanes are expected to speak now (the run is starting or going on). */
	watching(): boolean;
	/** A lane said nothing for too long: the executor kills it (and replaces it, as a dead one). */
	hung(lane: LaneRecord): void;
};

/**
 * Declares hung a lane that says nothing for too long (docs/architecture.md,
 * "Exactly-once accounting"): a stopped or wedged process or thread, or one
 * that never starts. Every lane samples itself every 100 ms and sends its
 * batch within 50 ms, so a live lane is never silent for long; a lane's
 * `heardAt` is set as anything of it arrives. Returns stop().
 */
export function startWatchdog(options: WatchdogOptions): () => void {
	let last = now();
	const timer = setInterval(() => {
		const t = now();
		const stalled = t - last > STALLED_MS;
		last = t;
		if (!options.watching()) {
			return;
		}

		for (const lane of options.lanes) {
			if (stalled) {
				lane.heardAt = Math.max(lane.heardAt, t);
			} else if (!lane.dead && !lane.stopped && t - lane.heardAt > (lane.up ? options.silenceMs : options.startMs)) {
				lane.heardAt = t;
				options.hung(lane);
			}
		}
	}, TICK_MS);
	timer.unref();
	return () => {
		clearInterval(timer);
	};
}

/**
 * The silence a pool's lanes may keep: HUNG_SILENCE_MS past their longest
 * CPU section, which blocks a lane's loop: one kernel, or with --gil one for
 * each thread sharing the GIL, which it may wait for; and the time `lanes`
 * lanes starting at once have to come up.
 */
export function watchdogOf(options: Pick<ExecutorOptions, 'cpuMs' | 'gil'>, lanes: number, lanesPerGil: number): {silenceMs: number; startMs: number} {
	const section = (options.cpuMs ?? 0) * (options.gil ? Math.max(1, lanesPerGil) : 1);
	return {silenceMs: HUNG_SILENCE_MS + 2 * section, startMs: START_DEADLINE_MS + START_PER_WORKER_MS * lanes};
}

/** The dispatcher's watchdog over its lanes, when its executor handles hung lanes (options.hung); returns stop(). */
export function watchLanes(options: DispatcherOptions, lanes: readonly LaneRecord[], watching: () => boolean): () => void {
	const {hung} = options;
	if (!hung) {
		return () => undefined;
	}

	return startWatchdog({
		lanes,
		silenceMs: options.silenceMs ?? HUNG_SILENCE_MS,
		startMs: options.startMs ?? START_DEADLINE_MS + START_PER_WORKER_MS * options.workers,
		watching,
		hung: lane => {
			hung(lane.worker);
		},
	});
}

/** A batch arrived: its lane was heard (a lane's batches hold its own events only, so the first names it). */
export function heardFrom(batch: EventBatch, lanes: readonly LaneRecord[]): void {
	const lane = batch.count > 0 ? lanes[batch.data[SLOT_WORKER]!] : undefined;
	if (lane) {
		lane.heardAt = now();
	}
}
