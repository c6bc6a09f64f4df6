import type {Dispatcher, DispatcherStats} from './dispatcher.js';
import type {Executor} from './executor.js';
import type {WorkerInfo} from './lane-record.js';

export type {WorkerInfo} from './lane-record.js';
export type {DispatcherStats} from './dispatcher.js';

/** An Executor that can also list its workers (ids, pids, process and thread indexes, up / dead). */
export type PoolExecutor = Executor & {
	workers(): WorkerInfo[];
	/** Messages the main thread handled so far (batches in, wants in, grants out). */
	stats(): DispatcherStats;
};

/** The part of an Executor that only hands over to its dispatcher (the same for thread and process pools). */
export function dispatcherControls(dispatcher: Dispatcher): Pick<Executor, 'run' | 'pause' | 'resume' | 'cancel'> {
	return {
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
	};
}
