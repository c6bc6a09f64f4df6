import type {RunConfig, ServerOptions} from '../config/config.js';
import {now, type BusEvent} from '../events/events.js';
import {createCpuSampler} from './cpu-sampler.js';
import type {RunResult, Snapshot, StartupCost} from '../metrics/snapshot.js';
import {workerKindOf} from './startup-cost.js';
import {startRun, type Run} from './run.js';
import {spawnServer, type SpawnedServer} from '../server/spawn-server.js';
import {calibrateClient, type ClientCost} from '../calibration/calibrate-client.js';
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
	/** Cancel what runs, stop the server; idempotent. */
	close(): Promise<void>;
};

export function createSession(options: {server: ServerOptions; observer?: SessionObserver}): Session {
	const {observer} = options;
	const cpu = createCpuSampler();
	const listeners = new Set<(snapshot: Snapshot) => void>();
	const calibrations = new Map<number, Promise<Calibration>>();
	let server: Promise<SpawnedServer> | undefined;
	let clientCost: Promise<ClientCost | undefined> | undefined;
	let current: Run | undefined;
	/** A run being prepared (calibrations, the server): a cancel or a pause that reaches it applies as it starts. */
	let preparing: {cancelled: boolean; paused: boolean} | undefined;
	/** The last measured cost of a worker of each kind, for the lessons that compare threads with processes. */
	const startups = new Map<StartupCost['kind'], StartupCost>();
	let runs = 0;
	let closed = false;

	const publish = (next: Snapshot): void => {
		observer?.frame(next);
		for (const listener of listeners) {
			listener(next);
		}
	};

	const serverFor = async (config: RunConfig): Promise<string | undefined> => {
		if (config.target.kind !== 'embedded') {
			return undefined;
		}

		server ??= spawnServer(options.server);
		return (await server).url;
	};

	// The client's CPU per request, measured once against the embedded server before the first run that sends requests.
	const clientCostFor = async (config: RunConfig): Promise<ClientCost | undefined> => {
		if (config.work === 'cpu' || config.target.kind !== 'embedded' || !server) {
			return undefined;
		}

		const running = await server;
		clientCost ??= calibrateClient(running.url, running.pid).catch(() => undefined);
		return clientCost;
	};

	const calibrationFor = async (config: RunConfig): Promise<Calibration | undefined> => {
		if (config.work === 'io') {
			return undefined;
		}

		let calibration = calibrations.get(config.cpuMs);
		if (!calibration) {
			calibration = calibrateOffThread(config.cpuMs);
			calibrations.set(config.cpuMs, calibration);
		}

		return calibration;
	};

	return {
		async run(config) {
			if (closed) {
				throw new Error('the session is closed');
			}

			const preparation = {cancelled: false, paused: false};
			preparing = preparation;
			// Calibrate before the server starts, so the kernel is not timed while a process boots beside it.
			let run: Run;
			try {
				const calibration = await calibrationFor(config);
				const baseUrl = await serverFor(config);
				const cost = await clientCostFor(config);
				const otherStartup = startups.get(workerKindOf(config.mode) === 'thread' ? 'process' : 'thread');
				const onEvents = observer ? (events: readonly BusEvent[]) => observer.events(events) : undefined;
				run = startRun({id: ++runs, config, baseUrl, calibration, clientCost: cost, otherStartup, cores: cpu.cores, sampleCpu: () => cpu.sample(), onEvents});
			} finally {
				if (preparing === preparation) {
					preparing = undefined;
				}
			}

			observer?.runStarted(run.info, now());
			current = run;
			if (preparation.cancelled) {
				// Cancelled while it was being prepared (a signal, a key): every task ends as cancelled.
				run.cancel();
			} else if (preparation.paused) {
				run.pause();
			}

			let result: RunResult | undefined;
			cpu.sample();
			const timer = setInterval(() => {
				publish(run.frame(cpu.sample()));
			}, 1000 / config.fps);
			try {
				result = await run.done;
				if (result.startup) {
					startups.set(result.startup.kind, result.startup);
				}

				return result;
			} finally {
				clearInterval(timer);
				publish(run.frame(cpu.sample()));
				observer?.runEnded(result, now());
				if (current === run) {
					current = undefined;
				}
			}
		},
		cancel() {
			current?.cancel();
			if (preparing) {
				preparing.cancelled = true;
			}
		},
		pause() {
			if (current && !current.paused) {
				current.pause();
				observer?.paused(true, now());
			} else if (!current && preparing) {
				preparing.paused = true;
			}
		},
		resume() {
			if (preparing) {
				preparing.paused = false;
			}

			if (current?.paused) {
				current.resume();
				observer?.paused(false, now());
			}
		},
		get paused() {
			return current?.paused ?? preparing?.paused ?? false;
		},
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		async close() {
			if (closed) {
				return;
			}

			closed = true;
			if (preparing) {
				preparing.cancelled = true;
			}

			const run = current;
			run?.cancel();
			await run?.done.catch(() => undefined);
			const running = server;
			server = undefined;
			if (running) {
				await (await running.catch(() => undefined))?.close();
			}
		},
	};
}
