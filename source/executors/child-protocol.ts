import type {LaneConfig} from './protocol.js';

/** First message to a child process: which lanes to run and how. */
export type InitMessage = {
	readonly type: 'init';
	/** The child's lanes: one on its main thread, or one per thread of its own piscina pool. */
	readonly lanes: readonly LaneConfig[];
	/** Run the lanes on worker threads (processes-threads) instead of the main thread. */
	readonly threaded: boolean;
	/** Share one GIL between this process's threads. */
	readonly gil: boolean;
};

/** End the child now (it ends its threads and exits 0). */
export type CloseMessage = {readonly type: 'close'};

export type ChildMessage = InitMessage | CloseMessage;

/** How often a child checks that its parent is still the one that forked it. */
export const PARENT_POLL_MS = 250;
