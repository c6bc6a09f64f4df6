/**
 * Child-process entry of the embedded server. Forked with an IPC channel and
 * its ServerOptions as a JSON argv argument; reports
 * `{type: 'listening', url, port}` over IPC. Exits on SIGTERM, SIGINT, an IPC
 * `{type: 'stop'}`, a closed IPC channel, or a change of parent (the parent
 * died, even by SIGKILL: the ppid is polled every 500 ms as a backup).
 */
import type {ServerOptions} from '../config/config.js';
import {startLatencyServer} from './latency-server.js';

export type ServerProcessMessage =
	| {readonly type: 'listening'; readonly url: string; readonly port: number}
	| {readonly type: 'error'; readonly message: string};

export type ServerProcessCommand = {readonly type: 'stop'};

const PARENT_POLL_MS = 500;

const send = (message: ServerProcessMessage): void => {
	if (process.connected) {
		process.send?.(message);
	}
};

const options = JSON.parse(process.argv[2] ?? '{}') as ServerOptions;
const parentPid = process.ppid;

try {
	const server = await startLatencyServer(options);
	let stopping = false;
	const stop = (): void => {
		if (stopping) {
			return;
		}

		stopping = true;
		clearInterval(parentWatch);
		const exit = setTimeout(() => process.exit(0), 500);
		void server.close().then(() => {
			clearTimeout(exit);
			process.exit(0);
		});
	};

	const parentWatch = setInterval(() => {
		if (process.ppid !== parentPid) {
			stop();
		}
	}, PARENT_POLL_MS);
	parentWatch.unref();

	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	process.on('disconnect', stop);
	process.on('message', (message: ServerProcessCommand) => {
		if (message?.type === 'stop') {
			stop();
		}
	});
	if (!process.connected) {
		stop();
	}

	send({type: 'listening', url: server.url, port: server.port});
} catch (error) {
	send({type: 'error', message: error instanceof Error ? error.message : String(error)});
	process.exitCode = 1;
	process.disconnect?.();
}
