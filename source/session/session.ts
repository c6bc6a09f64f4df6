import type {RunConfig, ServerOptions} from '../config/config.js';
import {now, type BusEvent} from '../events/events.js';
import {Listeners} from '../events/listeners.js';
import {createCpuSampler} from './cpu-sampler.js';
import type {RunResult, Snapshot, StartupCost} from '../metrics/snapshot.js';
import {workerKindOf} from './startup-cost.js';
import {startRun, type Run} from './run.js';
import {spawnServer, type SpawnedServer} from '../server/spawn-server.js';
import {ClientCosts, type CostsFor} from './client-costs.js';
import {openFilesWhy} from './open-files.js';
import {assertPoolFits} from './memory-fit.js';
import {UsageError} from '../config/errors.js';
import type {Preparing} from './preparing.js';
import {calibrateOffThread} from '../workloads/calibrate.js';
import type {Calibration} from '../workloads/cpu.js';
import type {SessionObserver} from './observer.js';

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

export type {Preparing} from './preparing.js';

class LiveSession implements Session {
	readonly #options: SessionOptions;
	readonly #cpu = createCpuSampler();
	readonly #listeners = new Listeners<Snapshot>();
	readonly #preparingListeners = new Listeners<Preparing | null>();
	readonly #calibrations = new Map<number, Promise<Calibration>>();
	/** The last measured cost of a worker of each kind, for the lessons that compare threads with processes. */
	readonly #startups = new Map<StartupCost['kind'], StartupCost>();
	/** One worker of a large pool, measured before it started (memory-fit.ts), by mode, threads and work. */
	readonly #measured = new Map<string, StartupCost>();
	#server: Promise<SpawnedServer> | undefined;
	readonly #costs: ClientCosts;
	#current: Run | undefined;
	/** A run being prepared (calibrations, the server): a cancel or a pause that reaches it applies as it starts. */
	#preparing: Preparation | undefined;
	/** The last run's preparation, which close() waits for. */
	#prepared: Promise<Run> | undefined;
	#runs = 0;
	#closed = false;

	constructor(options: SessionOptions) {
		this.#options = options;
		this.#costs = new ClientCosts({
			cores: this.#cpu.cores,
			...(options.pilotRequests === undefined ? {} : {pilotRequests: options.pilotRequests}),
			...(options.calibrationDeadlineMs === undefined ? {} : {calibrationDeadlineMs: options.calibrationDeadlineMs}),
			preparing: (preparing) => {
				this.#preparingListeners.emit(preparing);
			},
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
			void this.#costs.cancel();
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

		await this.#costs.cancel();
		// A run still being prepared starts (and is cancelled at once, counting every task) before this reads #current.
		await this.#prepared?.catch(() => undefined);
		const run = this.#current;
		run?.cancel();
		await run?.done.catch(() => undefined);
		const running = this.#server;
		this.#server = undefined;
		if (running) {
			await (await running.catch(() => undefined))?.close();
		}
	}

	/** Calibrations and the server first (the kernel before the server, so it is not timed while a process boots beside it), then the run. */
	async #prepare(config: RunConfig, preparation: Preparation): Promise<Run> {
		// A setting changed on the dashboard may need more open files than the shell allows (the CLI refuses it up front).
		const why = openFilesWhy(config);
		if (why) {
			throw new UsageError(why);
		}

		await this.#assertFits(config);

		const calibration = await this.#calibrationFor(config);
		const baseUrl = await this.#serverFor(config);
		const {cost: clientCost, missing: clientCostMissing} = await this.#clientCostFor(config, preparation);
		const otherStartup = this.#startups.get(workerKindOf(config.mode) === 'thread' ? 'process' : 'thread');
		const {observer} = this.#options;
		const onEvents = observer ? (events: readonly BusEvent[]) => observer.events(events) : undefined;
		const cpu = this.#cpu;
		return startRun({id: ++this.#runs, config, baseUrl, calibration, clientCost, clientCostMissing, otherStartup, cores: cpu.cores, sampleCpu: () => cpu.sample(), onEvents});
	}

	/** A pool the machine cannot hold is refused (UsageError) before anything starts; a worker measured for it is kept. */
	async #assertFits(config: RunConfig): Promise<void> {
		const kind = workerKindOf(config.mode);
		const key = `${config.mode} ${config.threads} ${config.work}`;
		const measured = await assertPoolFits(config, this.#startups.get(kind) ?? this.#measured.get(key), this.#options.availableBytes);
		if (measured) {
			this.#measured.set(key, measured);
		}
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

	async #serverFor(config: RunConfig): Promise<string | undefined> {
		if (config.target.kind !== 'embedded') {
			return undefined;
		}

		if (!this.#server) {
			this.#preparingListeners.emit({phase: 'server'});
			this.#server = spawnServer(this.#options.server);
		}

		return (await this.#server).url;
	}

	/** What a request costs the client, for I/O against the embedded server: measured before the first run, and near the knee by a pilot of the run's pool. */
	async #clientCostFor(config: RunConfig, preparation: Preparation): Promise<CostsFor> {
		if (config.work === 'cpu' || config.target.kind !== 'embedded' || !this.#server) {
			return {};
		}

		return this.#costs.for(config, await this.#server, () => preparation.cancelled);
	}

	async #calibrationFor(config: RunConfig): Promise<Calibration | undefined> {
		if (config.work === 'io') {
			return undefined;
		}

		let calibration = this.#calibrations.get(config.cpuMs);
		if (!calibration) {
			this.#preparingListeners.emit({phase: 'kernel'});
			calibration = calibrateOffThread(config.cpuMs);
			this.#calibrations.set(config.cpuMs, calibration);
		}

		return calibration;
	}
}

export type SessionOptions = {
	readonly server: ServerOptions;
	readonly observer?: SessionObserver;
	/** Most requests a loop pool's pilot sends past its first P·C (default PILOT_REQUESTS); runs shorter than two pilots get none. */
	readonly pilotRequests?: number;
	/** Memory a pool may take 80 % of (default: os.freemem(), what the system says is available). */
	readonly availableBytes?: number;
	/** How long the client calibration may take before the run goes on without it (CLIENT_CALIBRATION_DEADLINE_MS). */
	readonly calibrationDeadlineMs?: number;
};

export const createSession = (options: SessionOptions): Session => new LiveSession(options);
