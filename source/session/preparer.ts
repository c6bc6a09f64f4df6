import type {RunConfig, ServerOptions} from '../config/config.js';
import {UsageError} from '../config/errors.js';
import type {StartupCost} from '../metrics/snapshot.js';
import {spawnServer, type SpawnedServer} from '../server/spawn-server.js';
import {calibrateOffThread} from '../calibration/kernel.js';
import type {Calibration} from '../workloads/cpu.js';
import {ClientCosts, type CostsFor} from '../calibration/client-costs.js';
import {assertPoolFits} from './memory-fit.js';
import {openFilesWhy} from './open-files.js';
import type {Preparing} from '../calibration/preparing.js';
import type {RunInput} from '../run/run.js';
import {workerKindOf} from '../run/startup-cost.js';

/** What a run is started with, besides its config. */
export type Prepared = Pick<RunInput, 'baseUrl' | 'calibration' | 'clientCost' | 'clientCostMissing'>;

export type PreparerOptions = {
	readonly server: ServerOptions;
	readonly cores: number;
	/** Most requests a loop pool's pilot sends past its first P·C (PILOT_REQUESTS). */
	readonly pilotRequests?: number;
	/** How long the client calibration may take (CLIENT_CALIBRATION_DEADLINE_MS). */
	readonly calibrationDeadlineMs?: number;
	/** Memory a pool may take 80 % of (os.freemem()). */
	readonly availableBytes?: number;
	/** Told as the preparation moves on. */
	readonly preparing: (preparing: Preparing) => void;
	/** A worker of this kind as an earlier run of the session measured it. */
	readonly measured: (kind: StartupCost['kind']) => StartupCost | undefined;
};

/**
 * What a session does before a run (docs/architecture.md, "When the system
 * says no" and "The model"): refuse a setting the machine cannot hold, then
 * the CPU kernel's calibration (once per --cpu-ms), the embedded server
 * (started once, after the kernel, so it is not timed while a process
 * boots beside it), and the client's costs (a calibration once, a pilot per
 * shape of pool).
 */
export class Preparer {
	readonly #options: PreparerOptions;
	readonly #calibrations = new Map<number, Promise<Calibration>>();
	/** One worker of a large pool, measured before it started (memory-fit.ts), by mode, threads and work. */
	readonly #probes = new Map<string, StartupCost>();
	readonly #costs: ClientCosts;
	#server: Promise<SpawnedServer> | undefined;

	constructor(options: PreparerOptions) {
		this.#options = options;
		this.#costs = new ClientCosts({
			cores: options.cores,
			...(options.pilotRequests === undefined ? {} : {pilotRequests: options.pilotRequests}),
			...(options.calibrationDeadlineMs === undefined ? {} : {calibrationDeadlineMs: options.calibrationDeadlineMs}),
			preparing: options.preparing,
		});
	}

	/** Everything a run of `config` needs; `cancelled` tells whether the run was cancelled meanwhile (then no pilot starts). */
	async prepare(config: RunConfig, cancelled: () => boolean): Promise<Prepared> {
		// A setting changed on the dashboard may need more open files than the shell allows (the CLI refuses it up front).
		const why = openFilesWhy(config);
		if (why) {
			throw new UsageError(why);
		}

		await this.#assertFits(config);
		const calibration = await this.#calibrationFor(config);
		const baseUrl = await this.#serverFor(config);
		const {cost: clientCost, missing: clientCostMissing} = await this.#clientCostFor(config, cancelled);
		return {baseUrl, calibration, clientCost, clientCostMissing};
	}

	/** End a pilot in progress, if any. */
	async cancel(): Promise<void> {
		await this.#costs.cancel();
	}

	/** Stop the server; idempotent. */
	async close(): Promise<void> {
		await this.#costs.cancel();
		const running = this.#server;
		this.#server = undefined;
		if (running) {
			await (await running.catch(() => undefined))?.close();
		}
	}

	/** A pool the machine cannot hold is refused (UsageError) before anything starts; a worker measured for it is kept. */
	async #assertFits(config: RunConfig): Promise<void> {
		const key = `${config.mode} ${config.threads} ${config.work}`;
		const known = this.#options.measured(workerKindOf(config.mode)) ?? this.#probes.get(key);
		const measured = await assertPoolFits(config, known, this.#options.availableBytes);
		if (measured) {
			this.#probes.set(key, measured);
		}
	}

	async #serverFor(config: RunConfig): Promise<string | undefined> {
		if (config.target.kind !== 'embedded') {
			return undefined;
		}

		if (!this.#server) {
			this.#options.preparing({phase: 'server'});
			this.#server = spawnServer(this.#options.server);
		}

		return (await this.#server).url;
	}

	/** What a request costs the client, for I/O against the embedded server: measured before the first run, and near the knee by a pilot of the run's pool. */
	async #clientCostFor(config: RunConfig, cancelled: () => boolean): Promise<CostsFor> {
		if (config.work === 'cpu' || config.target.kind !== 'embedded' || !this.#server) {
			return {};
		}

		return this.#costs.for(config, await this.#server, cancelled);
	}

	async #calibrationFor(config: RunConfig): Promise<Calibration | undefined> {
		if (config.work === 'io') {
			return undefined;
		}

		let calibration = this.#calibrations.get(config.cpuMs);
		if (!calibration) {
			this.#options.preparing({phase: 'kernel'});
			calibration = calibrateOffThread(config.cpuMs);
			this.#calibrations.set(config.cpuMs, calibration);
		}

		return calibration;
	}
}
