import type {RunConfig, ServerOptions} from '../config/config.js';
import {createCpuSampler} from './cpu-sampler.js';
import type {RunResult, Snapshot} from '../metrics/snapshot.js';
import {startRun, type Run} from './run.js';
import {spawnServer, type SpawnedServer} from '../server/spawn-server.js';
import {calibrateOffThread} from '../workloads/calibrate.js';
import type {Calibration} from '../workloads/cpu.js';

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
	/** The latest snapshot (null before the first frame of the first run). */
	readonly snapshot: Snapshot | null;
	/** Called on every frame with the new snapshot. */
	subscribe(listener: (snapshot: Snapshot) => void): () => void;
	/** Cancel what runs, stop the server; idempotent. */
	close(): Promise<void>;
};

export function createSession(options: {server: ServerOptions; fps: number}): Session {
	const cpu = createCpuSampler();
	const listeners = new Set<(snapshot: Snapshot) => void>();
	const calibrations = new Map<number, Promise<Calibration>>();
	let server: Promise<SpawnedServer> | undefined;
	let current: Run | undefined;
	let snapshot: Snapshot | null = null;
	let runs = 0;
	let closed = false;
	/** Runs between run() and startRun (calibrating, starting the server); a cancel meanwhile waits for them. */
	let starting = 0;
	let cancelPending = false;

	const publish = (next: Snapshot): void => {
		snapshot = next;
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

			// Calibrate before the server starts, so the kernel is not timed while a process boots beside it.
			starting++;
			let run: Run;
			try {
				const calibration = await calibrationFor(config);
				const baseUrl = await serverFor(config);
				run = startRun({id: ++runs, config, baseUrl, calibration, cores: cpu.cores, sampleCpu: () => cpu.sample()});
			} finally {
				starting--;
			}

			current = run;
			// Cancelled while it was starting (a signal during start-up): it ends at once, every task cancelled.
			if (cancelPending) {
				cancelPending = false;
				run.cancel();
			}

			cpu.sample();
			const timer = setInterval(() => {
				publish(run.frame(cpu.sample()));
			}, 1000 / config.fps);
			try {
				return await run.done;
			} finally {
				clearInterval(timer);
				publish(run.frame(cpu.sample()));
				if (current === run) {
					current = undefined;
				}
			}
		},
		cancel() {
			if (current) {
				current.cancel();
			} else if (starting > 0) {
				cancelPending = true;
			}
		},
		pause() {
			current?.pause();
		},
		resume() {
			current?.resume();
		},
		get paused() {
			return current?.paused ?? false;
		},
		get snapshot() {
			return snapshot;
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
