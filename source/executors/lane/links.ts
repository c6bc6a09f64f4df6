import type {MessagePort} from 'node:worker_threads';
import type {ControlMessage, LaneLink} from '../protocol.js';

/** A lane's link over a MessagePort: batches are posted with their buffer transferred. */
export function portLink(port: MessagePort): LaneLink {
	return {
		send(message) {
			port.postMessage(message);
		},
		sendBatch(batch) {
			port.postMessage(batch, [batch.data.buffer as ArrayBuffer]);
		},
		onControl(listener) {
			port.on('message', (message: ControlMessage) => {
				listener(message);
			});
		},
	};
}

/** A lane's link over the IPC channel of a child process (advanced serialisation keeps Float64Array). */
export function ipcLink(): LaneLink {
	return {
		send(message) {
			process.send?.(message);
		},
		sendBatch(batch) {
			process.send?.(batch);
		},
		onControl(listener) {
			process.on('message', (message: ControlMessage) => {
				if (message.type === 'grant' || message.type === 'pause' || message.type === 'resume' || message.type === 'stop') {
					listener(message);
				}
			});
		},
	};
}
