import type {ServerOptions} from '../config/config.js';
import {startLatencyServer} from './latency-server.js';

/**
 * `concviz serve`: run the embedded latency server in this process, in the
 * foreground. Writes the base URL and a newline to `out`, a one-line
 * description to stderr, and resolves once SIGINT or SIGTERM has closed it.
 */
export async function runServe(options: ServerOptions, out: NodeJS.WritableStream): Promise<void> {
	const server = await startLatencyServer(options);
	const stopped = new Promise<void>(resolve => {
		const stop = (): void => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};

		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});

	out.write(`${server.url}\n`);
	process.stderr.write(`${describeServer(options)}; Ctrl+C stops it\n`);
	await stopped;
	await server.close();
}

/** One line: what the server does, e.g. `latency 100 ms ± 10 ms, 1024-byte bodies, 5% answered 500, seed 42`. */
export function describeServer(options: ServerOptions): string {
	const parts = [
		`latency ${options.latency} ms${options.jitter > 0 ? ` ± ${options.jitter} ms` : ''}`,
		`${options.bodyBytes}-byte bodies`,
	];
	if (options.failRate > 0) {
		parts.push(`${Number((options.failRate * 100).toFixed(2))}% answered 500`);
	}

	parts.push(`seed ${options.seed}`);
	return `concviz server: ${parts.join(', ')}`;
}
