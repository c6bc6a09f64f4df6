import {MessageChannel, type MessagePort} from 'node:worker_threads';
import {Piscina} from 'piscina';
import {laneThreadEnv} from '../compile-cache.js';
import type {ControlMessage, LaneConfig, LaneMessage, ThreadMessage} from '../protocol.js';

const DESTROY_GRACE_MS = 800;

export type ThreadLanes = {
	send(worker: number, message: ControlMessage): void;
	broadcast(message: ControlMessage): void;
	/** Terminate the thread of a hung lane: its job then fails, and `died` is told with reason `worker hung`. */
	hang(worker: number): void;
	/** Terminate every thread (within ~1 s). */
	close(): Promise<void>;
};

/**
 * A piscina pool with one thread per lane, each thread running one
 * long-lived lane job that talks to this thread over its own MessagePort.
 * Used by the thread modes on the main thread and by processes-threads in
 * each child process.
 */
export function startThreadLanes(
	configs: readonly LaneConfig[],
	/** `died` returns true to start a new lane job for the worker (piscina has replaced the crashed thread). */
	handlers: {message(worker: number, message: LaneMessage): void; died(worker: number, code: number, reason?: string): boolean | void},
	/** The lane job's file (tests pass a fixture). */
	filename = new URL('lane.worker.js', import.meta.url).href,
): ThreadLanes {
	const pool = new Piscina({
		filename,
		minThreads: configs.length,
		maxThreads: configs.length,
		concurrentTasksPerWorker: 1,
		atomics: 'disabled',
		// No compile cache in threads (compile-cache.ts), also in a lane process that has one.
		env: laneThreadEnv(),
	});
	pool.on('error', () => undefined);
	const ports = new Map<number, MessagePort>();
	/** Each lane's thread (from its first message), and the lanes being terminated as hung. */
	const threadIds = new Map<number, number>();
	const hung = new Set<number>();
	let closed = false;
	const startJob = (config: LaneConfig): void => {
		const {port1, port2} = new MessageChannel();
		ports.get(config.worker)?.close();
		ports.set(config.worker, port1);
		port1.on('message', (message: LaneMessage | ThreadMessage) => {
			if ('type' in message && message.type === 'thread') {
				threadIds.set(config.worker, message.threadId);
			} else {
				handlers.message(config.worker, message);
			}
		});
		pool.run({config, port: port2}, {transferList: [port2]}).then(
			() => undefined,
			() => {
				const reason = hung.delete(config.worker) ? 'worker hung' : 'worker died';
				if (!closed && handlers.died(config.worker, 1, reason) === true && !closed) {
					startJob(config);
				}
			},
		);
	};

	for (const config of configs) {
		startJob(config);
	}

	return {
		send(worker, message) {
			ports.get(worker)?.postMessage(message);
		},
		broadcast(message) {
			for (const port of ports.values()) {
				port.postMessage(message);
			}
		},
		hang(worker) {
			const id = threadIds.get(worker);
			const thread = pool.threads.find(candidate => candidate.threadId === id);
			if (thread && !closed) {
				hung.add(worker);
				threadIds.delete(worker);
				void thread.terminate();
			}
		},
		async close() {
			if (closed) {
				return;
			}

			closed = true;
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([
				pool.destroy().catch(() => undefined),
				new Promise(resolve => {
					timer = setTimeout(resolve, DESTROY_GRACE_MS);
				}),
			]);
			clearTimeout(timer);
			await Promise.all(pool.threads.map(async thread => thread.terminate().catch(() => undefined)));
			for (const port of ports.values()) {
				port.close();
			}
		},
	};
}
