import {fork, type ChildProcess} from 'node:child_process';
import type {ServerOptions} from '../config/config.js';
import type {ServerProcessCommand, ServerProcessMessage} from './server.process.js';

export type SpawnedServer = {
	/** Base URL, `http://127.0.0.1:PORT`. */
	readonly url: string;
	readonly port: number;
	readonly pid: number;
	/** Ask the child to stop; SIGKILL it if still alive after 1 s. Resolves once it has exited. Safe to call twice. */
	close(): Promise<void>;
};

const START_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 1000;
const STDERR_KEEP = 2000;

type Unrefable = {unref?: () => void; ref?: () => void};

const hasExited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/**
 * Run the embedded latency server in its own child process (so its CPU is
 * not the client's). The child never keeps this process alive by itself: it
 * is unref'd once listening, and exits when this process goes away.
 */
export async function spawnServer(options: ServerOptions): Promise<SpawnedServer> {
	const child = fork(new URL('server.process.js', import.meta.url), [JSON.stringify(options)], {
		execPath: process.execPath,
		execArgv: [],
		stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
		serialization: 'json',
	});
	let stderr = '';
	child.stderr?.setEncoding('utf8');
	child.stderr?.on('data', (chunk: string) => {
		if (stderr.length < STDERR_KEEP) {
			stderr += chunk;
		}
	});
	const exited = new Promise<void>(resolve => {
		child.once('exit', () => resolve());
		// A child that could not be spawned emits 'error' and never 'exit'.
		child.once('error', () => {
			if (child.pid === undefined) {
				resolve();
			}
		});
	});

	let listening: {url: string; port: number};
	try {
		listening = await waitForListening(child, () => stderr);
	} catch (error) {
		if (!hasExited(child)) {
			child.kill('SIGKILL');
		}

		await exited;
		throw error;
	}

	const pid = child.pid!;
	child.unref();
	(child.channel as Unrefable | undefined)?.unref?.();
	(child.stderr as Unrefable | null)?.unref?.();

	let closing: Promise<void> | undefined;
	const close = async (): Promise<void> => {
		if (hasExited(child)) {
			return;
		}

		// Hold this process up until the child is gone: its exit must be seen even after the SIGKILL below.
		child.ref();
		const grace = setTimeout(() => {
			if (!hasExited(child)) {
				child.kill('SIGKILL');
			}
		}, STOP_GRACE_MS);
		if (child.connected) {
			child.send({type: 'stop'} satisfies ServerProcessCommand, () => {
				// A failed send is covered by the SIGKILL above.
			});
		} else {
			child.kill('SIGTERM');
		}

		await exited;
		clearTimeout(grace);
		if (child.connected) {
			child.disconnect();
		}
	};

	return {
		url: listening.url,
		port: listening.port,
		pid,
		close() {
			closing ??= close();
			return closing;
		},
	};
}

async function waitForListening(child: ChildProcess, stderr: () => string): Promise<{url: string; port: number}> {
	return new Promise((resolve, reject) => {
		const detail = (): string => {
			const text = stderr().trim().split('\n').at(-1);
			return text ? `: ${text}` : '';
		};

		const cleanup = (): void => {
			clearTimeout(timer);
			child.off('message', onMessage);
			child.off('exit', onExit);
			child.off('error', onError);
		};

		const onMessage = (message: ServerProcessMessage): void => {
			if (message.type === 'listening') {
				cleanup();
				resolve({url: message.url, port: message.port});
			} else if (message.type === 'error') {
				cleanup();
				reject(new Error(`embedded server failed to start: ${message.message}`));
			}
		};

		const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
			cleanup();
			reject(new Error(`embedded server exited before listening (${signal ?? `code ${code}`})${detail()}`));
		};

		const onError = (error: Error): void => {
			cleanup();
			reject(new Error(`embedded server could not start: ${error.message}`));
		};

		const timer = setTimeout(() => {
			cleanup();
			reject(new Error(`embedded server did not start listening within ${START_TIMEOUT_MS / 1000} s${detail()}`));
		}, START_TIMEOUT_MS);

		child.on('message', onMessage);
		child.once('exit', onExit);
		child.once('error', onError);
	});
}
