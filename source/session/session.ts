import type {RunConfig, ServerOptions} from '../config/config.js';
import {now, type BusEvent} from '../events/events.js';
import {Listeners} from '../events/listeners.js';
import {createCpuSampler} from './cpu-sampler.js';
import type {RunResult, Snapshot, StartupCost} from '../metrics/snapshot.js';
import {workerKindOf} from '../run/startup-cost.js';
import {startRun, type Run} from '../run/run.js';
import {Preparer} from './preparer.js';
import type {Preparing} from '../calibration/preparing.js';
import type {RunTap, SessionObserver} from './observer.js';

/**
 * One concviz session: the embedded server (its own child process, started
 * once), the CPU calibration (once per --cpu-ms), the frame clock, and one
 * run at a time. Snapshots are made only on the frame clock, so listeners
 * (the UI, the progress line) see at most `fps` a second however fast the
 * workload goes.
 */
export type Session = {
	/** Run one mode to the end (or until cancelled); the result of the run. */
	run(config: RunConfig): Promise<RunResult>;
	/** Cancel the run in progress, if any (its run() still resolves, with the rest counted as cancelled). */
	cancel(): void;
	pause(): void;
	resume(): void;
	readonly paused: boolean;
	/** Called on every frame with the new snapshot. */
	subscribe(listener: (snapshot: Snapshot) => void): () => void;
	/** Called as the preparation of a run moves on (calibrations, the server, a pilot), and with null as the run starts. */
	onPreparing(listener: (preparing: Preparing | null) => void): () => void;
	/** Cancel what runs, stop the server; idempotent. */
	close(): Promise<void>;
};

type Preparation = {cancelled: boolean; paused: boolean};

export type {Preparing} from '../calibration/preparing.js';

class LiveSession implements Session {
	readonly #options: SessionOptions;
	readonly #cpu = createCpuSampler();
	readonly #listeners = new Listeners<Snapshot>();
	readonly #preparingListeners = new Listeners<Preparing | null>();
	/** The last measured cost of a worker of each kind, for the lessons that compare threads with processes. */
	readonly #startups = new Map<StartupCost['kind'], StartupCost>();
	readonly #preparer: Preparer;
	#current: Run | undefined;
	/** A run being prepared (calibrations, the server): a cancel or a pause that reaches it applies as it starts. */
	#preparing: Preparation | undefined;
	/** The last run's preparation, which close() waits for. */
	#prepared: Promise<Run> | undefined;
	#runs = 0;
	#closed = false;

	constructor(options: SessionOptions) {
		this.#options = options;
		this.#preparer = new Preparer({
			server: options.server,
			cores: this.#cpu.cores,
			...(options.pilotRequests === undefined ? {} : {pilotRequests: options.pilotRequests}),
			...(options.calibrationDeadlineMs === undefined ? {} : {calibrationDeadlineMs: options.calibrationDeadlineMs}),
			...(options.availableBytes === undefined ? {} : {availableBytes: options.availableBytes}),
			preparing: (preparing) => {
				this.#preparingListeners.emit(preparing);
			},
			measured: kind => this.#startups.get(kind),
		});
	}

	async run(config: RunConfig): Promise<RunResult> {
		if (this.#closed) {
			throw new Error('the session is closed');
		}

		const preparation: Preparation = {cancelled: false, paused: false};
		this.#preparing = preparation;
		let run: Run;
		try {
			const prepared = this.#prepare(config, preparation);
			this.#prepared = prepared;
			run = await prepared;
		} finally {
			if (this.#preparing === preparation) {
				this.#preparing = undefined;
			}

			this.#preparingListeners.emit(null);
		}

		this.#options.observer?.runStarted(run.info, now());
		this.#current = run;
		if (preparation.cancelled) {
			// Cancelled while it was being prepared (a signal, a key): every task ends as cancelled.
			run.cancel();
		} else if (preparation.paused) {
			run.pause();
		}

		return this.#play(run, config.fps);
	}

	cancel(): void {
		this.#current?.cancel();
		if (this.#preparing) {
			this.#preparing.cancelled = true;
			void this.#preparer.cancel();
		}
	}

	pause(): void {
		const current = this.#current;
		if (current && !current.paused) {
			current.pause();
			this.#options.observer?.paused(true, now());
		} else if (!current && this.#preparing) {
			this.#preparing.paused = true;
		}
	}

	resume(): void {
		if (this.#preparing) {
			this.#preparing.paused = false;
		}

		if (this.#current?.paused) {
			this.#current.resume();
			this.#options.observer?.paused(false, now());
		}
	}

	get paused(): boolean {
		return this.#current?.paused ?? this.#preparing?.paused ?? false;
	}

	subscribe(listener: (snapshot: Snapshot) => void): () => void {
		return this.#listeners.add(listener);
	}

	onPreparing(listener: (preparing: Preparing | null) => void): () => void {
		return this.#preparingListeners.add(listener);
	}

	async close(): Promise<void> {
		if (this.#closed) {
			return;
		}

		this.#closed = true;
		if (this.#preparing) {
			this.#preparing.cancelled = true;
		}

		await this.#preparer.cancel();
		// A run still being prepared starts (and is cancelled at once, counting every task) before this reads #current.
		await this.#prepared?.catch(() => undefined);
		const run = this.#current;
		run?.cancel();
		await run?.done.catch(() => undefined);
		await this.#preparer.close();
	}

	/** What the run needs first (preparer.ts), then the run. */
	async #prepare(config: RunConfig, preparation: Preparation): Promise<Run> {
		const prepared = await this.#preparer.prepare(config, () => preparation.cancelled);
		const otherStartup = this.#startups.get(workerKindOf(config.mode) === 'thread' ? 'process' : 'thread');
		const {observer} = this.#options;
		const onEvents = observer ? (events: readonly BusEvent[]) => observer.events(events) : undefined;
		const cpu = this.#cpu;
		const {tap} = this.#options;
		return startRun({id: ++this.#runs, config, ...prepared, otherStartup, cores: cpu.cores, sampleCpu: () => cpu.sample(), onEvents, tap});
	}

	/** The frame clock over a run: a snapshot every 1/fps s, and one more as it ends. */
	async #play(run: Run, fps: number): Promise<RunResult> {
		let result: RunResult | undefined;
		this.#cpu.sample();
		const timer = setInterval(() => {
			this.#publish(run.frame(this.#cpu.sample()));
		}, 1000 / fps);
		try {
			result = await run.done;
			if (result.startup) {
				this.#startups.set(result.startup.kind, result.startup);
			}

			return result;
		} finally {
			clearInterval(timer);
			this.#publish(run.frame(this.#cpu.sample()));
			this.#options.observer?.runEnded(result, now());
			if (this.#current === run) {
				this.#current = undefined;
			}
		}
	}

	#publish(next: Snapshot): void {
		this.#options.observer?.frame(next);
		this.#listeners.emit(next);
	}
}

export type SessionOptions = {
	readonly server: ServerOptions;
	readonly observer?: SessionObserver;
	/** Sees every run's reducer actions (--save). */
	readonly tap?: RunTap | undefined;
	/** Most requests a loop pool's pilot sends past its first P·C (default PILOT_REQUESTS); runs shorter than two pilots get none. */
	readonly pilotRequests?: number;
	/** Memory a pool may take 80 % of (default: os.freemem(), what the system says is available). */
	readonly availableBytes?: number;
	/** How long the client calibration may take before the run goes on without it (CLIENT_CALIBRATION_DEADLINE_MS). */
	readonly calibrationDeadlineMs?: number;
};

export const createSession = (options: SessionOptions): Session => new LiveSession(options);
