import {calibrateClient} from '../calibration/calibrate-client.js';
import {DeadlineError} from '../workloads/off-thread.js';
import type {BurstCost} from '../calibration/burst-cost.js';
import {withBurst, withPool, type ClientCost} from '../calibration/client-cost.js';
import type {PoolCost} from '../calibration/pool-cost.js';
import type {RunConfig} from '../config/config.js';
import type {SpawnedServer} from '../server/spawn-server.js';
import {loopsOf} from '../metrics/model-divisors.js';
import {burstRequestsOf, burstShapeOf, startBurst, wantsBurst} from './burst.js';
import {pilotRequestsOf, startPilot, wantsPilot} from './pilot.js';
import type {Preparing} from './preparing.js';

export type ClientCostsOptions = {
	readonly cores: number;
	/** Most requests a pilot sends past its first P·C (PILOT_REQUESTS when absent). */
	readonly pilotRequests?: number;
	/** How long the lane calibration may take (CLIENT_CALIBRATION_DEADLINE_MS). */
	readonly calibrationDeadlineMs?: number;
	/** Told as a calibration or a pilot starts. */
	readonly preparing: (preparing: Preparing) => void;
};

/** What a run's model gets: the costs, or why they are missing (a calibration past its deadline). */
export type CostsFor = {readonly cost?: ClientCost; readonly missing?: {readonly deadlineMs: number}};

/**
 * What a request costs, for the model (docs/architecture.md, "The model"):
 * the lane calibration, once per session; for a loop pool a burst of its
 * first round on fresh lanes, once per shape of burst; and near the knee a
 * pilot of the run's own pool, once per shape of pool. A cancelled burst or
 * pilot is not kept; one that failed is (its shape runs on the lane
 * calibration).
 */
/** A burst or a pilot: a run of the pool that measures it, which may be cancelled. */
type Measurement<T> = {readonly done: Promise<T | undefined>; readonly cancelled: boolean; cancel(): void};

export class ClientCosts {
	readonly #options: ClientCostsOptions;
	#lane: Promise<CostsFor> | undefined;
	readonly #pools = new Map<string, Promise<PoolCost | undefined>>();
	readonly #bursts = new Map<string, Promise<BurstCost | undefined>>();
	/** The burst or pilot in progress, which cancel() ends. */
	readonly #running = new Set<Measurement<unknown>>();

	constructor(options: ClientCostsOptions) {
		this.#options = options;
	}

	/** The costs for a run against `server`; `cancelled` tells whether the run was cancelled meanwhile (then no pilot starts). */
	async for(config: RunConfig, server: SpawnedServer, cancelled: () => boolean): Promise<CostsFor> {
		if (!this.#lane) {
			this.#options.preparing({phase: 'client'});
			const lane = calibrateClient(server.url, server.pid, this.#options.calibrationDeadlineMs).then(
				(cost): CostsFor => ({cost}),
				(error: unknown): CostsFor => {
					if (error instanceof DeadlineError) {
						// Past its deadline (a stopped server): the next run tries again.
						if (this.#lane === lane) {
							this.#lane = undefined;
						}

						return {missing: {deadlineMs: error.deadlineMs}};
					}

					return {};
				},
			);
			this.#lane = lane;
		}

		const {cost: lane, missing} = await this.#lane;
		if (!lane || cancelled()) {
			return missing ? {missing} : (lane ? {cost: lane} : {});
		}

		const burst = wantsBurst(config) ? await this.#burstCost(config, server) : undefined;
		const cost = burst ? withBurst(lane, burst) : lane;
		if (cancelled() || !wantsPilot(config, cost, this.#options.cores, this.#options.pilotRequests)) {
			return {cost};
		}

		const pool = await this.#poolCost(config, server);
		return {cost: pool ? withPool(cost, pool) : cost};
	}

	/** End the burst or pilot in progress, if any; resolves once its pool is gone. */
	async cancel(): Promise<void> {
		const running = [...this.#running];
		for (const measurement of running) {
			measurement.cancel();
		}

		await Promise.all(running.map(async measurement => measurement.done));
	}

	async #burstCost(config: RunConfig, server: SpawnedServer): Promise<BurstCost | undefined> {
		// A burst's shape: its mode, its loops, the first requests each sends at once, its rounds, the latency the server holds each.
		const {loops, connections, rounds} = burstShapeOf(config);
		const key = [config.mode, loops, connections, rounds, config.latency].join(' ');
		return this.#once(this.#bursts, key, () => {
			this.#options.preparing({phase: 'burst', requests: burstRequestsOf(config)});
			return startBurst({config, baseUrl: server.url, cores: this.#options.cores});
		});
	}

	async #poolCost(config: RunConfig, server: SpawnedServer): Promise<PoolCost | undefined> {
		// A pool's shape: its mode, its loops, their connections, the latency the server holds each request.
		const key = [config.mode, loopsOf(config), config.concurrency, config.latency].join(' ');
		return this.#once(this.#pools, key, () => {
			const most = this.#options.pilotRequests;
			this.#options.preparing({phase: 'pilot', requests: pilotRequestsOf(config, most)});
			return startPilot({config, baseUrl: server.url, serverPid: server.pid, cores: this.#options.cores, ...(most === undefined ? {} : {most})});
		});
	}

	/**
	 * A measurement once per shape: started on the first ask, kept for the
	 * session; a cancelled one is dropped, so the next run of its shape tries
	 * again (a failed one, a request or /proc, would fail again).
	 */
	async #once<T>(cache: Map<string, Promise<T | undefined>>, key: string, start: () => Measurement<T>): Promise<T | undefined> {
		let cost = cache.get(key);
		if (!cost) {
			const measurement = start();
			this.#running.add(measurement);
			cost = measurement.done.finally(() => {
				if (measurement.cancelled) {
					cache.delete(key);
				}

				this.#running.delete(measurement);
			});
			cache.set(key, cost);
		}

		return cost;
	}
}
