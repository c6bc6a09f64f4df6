import type {Mode, RunConfig} from '../config/config.js';
import type {RunInfo, RunResult, Snapshot} from '../metrics/snapshot.js';
import type {Preparing} from '../calibration/preparing.js';

export type {Command} from '../config/commands.js';
import type {Command} from '../config/commands.js';

export type CompareView = {
	/** Modes in run order; results so far, in the same order. */
	readonly modes: readonly Mode[];
	readonly results: readonly RunResult[];
	/** Mode running now, null once all are done. */
	readonly running: Mode | null;
};

/** Everything the dashboard draws, read-only; replaced (never mutated) at most fps times a second. */
export type View = {
	readonly config: RunConfig;
	/** What runs now, as the header shows it: the snapshot's once there is one, else the next run's from the config. */
	readonly run: RunInfo;
	/** The live run; null before the first snapshot. */
	readonly snapshot: Snapshot | null;
	/** What the next run waits for before it starts (a calibration, the server, a pilot); null once it starts. */
	readonly preparing: Preparing | null;
	readonly compare: CompareView | null;
	/** A one-line notice (e.g. why the mode refused a key), '' when none. */
	readonly notice: string;
	/** The counts `n` cycles through, in order, the session's starting count among them. */
	readonly requestSteps: readonly number[];
	/** Set when the session has ended (after quit): the one-paragraph summary to leave on screen. */
	readonly summary: string | null;
};

/** The session as the UI sees it: views to read, commands to send. */
export type Controller = {
	getView(): View;
	/** Called with each new view, at most fps times a second. Returns an unsubscribe function. */
	subscribe(listener: (view: View) => void): () => void;
	dispatch(command: Command): void;
};
