/**
 * Child-process entry of the process modes. It runs its lane on its own main
 * thread (processes, processes-async) or a piscina pool of lanes on worker
 * threads (processes-threads), relaying their wants upwards (aggregated, one
 * message per turn of the loop) and their batches as they are (undecoded).
 * It exits by itself when the parent goes away, even after kill -9.
 */
import {isEventBatch} from '../../events/events.js';
import {createGil} from '../../workloads/gil.js';
import {flushCompileCache} from '../compile-cache.js';
import {PARENT_POLL_MS, type ChildMessage, type InitMessage} from '../child-protocol.js';
import {runLane} from './lane.js';
import {ipcLink} from './links.js';
import {LIVES_PER_WORKER, type ControlMessage, type LaneMessage} from '../protocol.js';
import type {ThreadLanes} from './thread-lanes.js';

const parentPid = process.ppid;
let threadLanes: ThreadLanes | undefined;
/** Control messages that came while piscina was loading, replayed once the threads are there. */
let early: ControlMessage[] | undefined;

const exit = (code: number): void => {
	process.exit(code);
};

process.on('disconnect', () => {
	exit(0);
});
setInterval(() => {
	if (process.ppid !== parentPid || !process.connected) {
		exit(0);
	}
}, PARENT_POLL_MS).unref();

const send = (message: unknown): void => {
	if (process.connected) {
		process.send!(message, undefined, {}, () => undefined);
	}
};

/** Only processes-threads runs threads here: piscina is loaded then, and a single-lane process starts without it. */
async function startThreads(init: InitMessage): Promise<void> {
	const {startThreadLanes} = await import('./thread-lanes.js');
	const gilBuffer = init.gil ? createGil().buffer : undefined;
	const configs = init.lanes.map(config => (gilBuffer ? {...config, gilBuffer} : config));
	let wants: number[] = [];
	const restarts = new Map<number, number>();
	const flushWants = (): void => {
		const batch = wants;
		wants = [];
		send({type: 'wants', wants: batch});
	};

	threadLanes = startThreadLanes(configs, {
		message(_worker, message: LaneMessage) {
			if (isEventBatch(message)) {
				send(message);
			} else if (message.type === 'want') {
				if (wants.length === 0) {
					setImmediate(flushWants);
				}

				wants.push(message.worker, message.k);
			} else {
				send(message);
			}
		},
		// A thread whose lane threw gets a new lane job (at most LIVES_PER_WORKER times); if the
		// dispatcher lets the worker go instead, the newcomer's events are dropped and it idles until close.
		died(worker, code) {
			send({type: 'died', worker, code});
			const lives = restarts.get(worker) ?? LIVES_PER_WORKER;
			restarts.set(worker, lives - 1);
			return lives > 0;
		},
	});
	for (const message of early ?? []) {
		control(message);
	}

	early = undefined;
}

function control(message: ControlMessage): void {
	if (!threadLanes) {
		early?.push(message);
	} else if (message.type === 'grant') {
		threadLanes.send(message.worker, message);
	} else {
		threadLanes.broadcast(message);
	}
}

process.on('message', (message: ChildMessage | ControlMessage) => {
	switch (message.type) {
		case 'init': {
			if (message.threaded) {
				early = [];
				void startThreads(message);
			} else {
				void runLane(message.lanes[0]!, ipcLink()).then(flushCompileCache);
			}

			break;
		}

		case 'close': {
			// Exiting ends this process's worker threads too.
			exit(0);
			break;
		}

		default: {
			control(message);
		}
	}
});
