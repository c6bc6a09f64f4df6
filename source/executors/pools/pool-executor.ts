import {now} from '../../events/events.js';
import type {Dispatcher, DispatcherStats} from '../dispatcher/dispatcher.js';
import type {Executor} from '../executor.js';
import type {WorkerInfo} from '../dispatcher/lane-record.js';

export type {WorkerInfo} from '../dispatcher/lane-record.js';
export type {DispatcherStats} from '../dispatcher/dispatcher.js';

/** An Executor that can also list its workers (ids, pids, process and thread indexes, up / dead). */
export type PoolExecutor = Executor & {
	workers(): WorkerInfo[];
	/** Messages the main thread handled so far (batches in, wants in, grants out). */
	stats(): DispatcherStats;
};

/** What a pool kind does itself: start its workers, and end them (the dispatcher has abandoned the run by then). */
export type Pool = {
	spawn(): void;
	close(): Promise<void>;
};

/** run, pause, resume and cancel, handed over to the dispatcher (every pool executor's, Node's and Python's). */
export const dispatcherControls = (dispatcher: Dispatcher): Pick<Executor, 'run' | 'pause' | 'resume' | 'cancel'> => ({
	run: async () => dispatcher.run(),
	pause() {
		dispatcher.pause();
	},
	resume() {
		dispatcher.resume();
	},
	cancel() {
		void dispatcher.cancel();
	},
});

/**
 * A PoolExecutor from a dispatcher and a pool (the same for thread and
 * process pools): start-up runs from the first spawn to the last worker-up;
 * run, pause, resume and cancel hand over to the dispatcher; close, once,
 * abandons the run and then ends the pool.
 */
export function poolExecutor(dispatcher: Dispatcher, pool: Pool): PoolExecutor {
	let closing: Promise<void> | undefined;
	return {
		async start() {
			const spawnedAt = now();
			pool.spawn();
			const lastUpAt = await dispatcher.up();
			return {startupMs: lastUpAt - spawnedAt};
		},
		...dispatcherControls(dispatcher),
		async close() {
			closing ??= (async () => {
				await dispatcher.abandon();
				await pool.close();
			})();
			await closing;
		},
		workers: () => dispatcher.workers(),
		stats: () => dispatcher.stats(),
	};
}
