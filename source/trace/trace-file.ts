import {finished} from 'node:stream/promises';
import type {TraceEvent} from './trace-events.js';

/** The trace file, written as it goes: `{"traceEvents": [` … events … `], "metadata": {…}}`. */
export type TraceFile = {
	readonly path: string;
	write(events: readonly TraceEvent[]): void;
	/** Ends the events array, adds the metadata and closes the file. */
	close(metadata: Readonly<Record<string, unknown>>): Promise<void>;
};

/**
 * The trace written to `file`, a stream opened for `path` whose errors its
 * opener watches (frontends/outputs.ts): once it has failed, writes go
 * nowhere and close() still resolves, so a full disk costs the trace only.
 */
export function createTraceFile(file: NodeJS.WritableStream, path: string): TraceFile {
	file.write('{"traceEvents":[\n');
	let first = true;
	let closed = false;
	return {
		path,
		write(events) {
			if (closed || events.length === 0) {
				return;
			}

			const text = events.map(event => JSON.stringify(event)).join(',\n');
			file.write(first ? text : `,\n${text}`);
			first = false;
		},
		async close(metadata) {
			if (closed) {
				return;
			}

			closed = true;
			file.end(`\n],\n"displayTimeUnit":"ms",\n"metadata":${JSON.stringify(metadata)}}\n`);
			await finished(file).catch(() => undefined);
		},
	};
}
