import {threadId, type MessagePort} from 'node:worker_threads';
import {runLane} from './lane.js';
import {portLink} from './links.js';
import type {LaneConfig} from '../protocol.js';

/** Piscina job: run one lane on this thread until it ends, talking over `port`. */
export default async function lane({config, port}: {config: LaneConfig; port: MessagePort}): Promise<void> {
	// Which thread runs this lane, so that a hung lane's thread can be terminated (thread-lanes.ts).
	port.postMessage({type: 'thread', worker: config.worker, threadId});
	await runLane(config, portLink(port));
}
