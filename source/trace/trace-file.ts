import {createWriteStream} from 'node:fs';
import {once} from 'node:events';
import type {TraceEvent} from './trace-events.js';

/** The trace file, written as it goes: `{"traceEvents": [` … events … `], "metadata": {…}}`. */
export type TraceFile = {
	readonly path: string;
	write(events: readonly TraceEvent[]): void;
	/** Ends the events array, adds the metadata and closes the file. */
	close(metadata: Readonly<Record<string, unknown>>): Promise<void>;
};

/** Opens (creates or truncates) `path`; rejects with the system's reason when it cannot be written. */
export async function openTraceFile(path: string): Promise<TraceFile> {
	const file = createWriteStream(path, {encoding: 'utf8'});
	await new Promise<void>((resolve, reject) => {
		file.once('open', () => {
			resolve();
		});
		file.once('error', reject);
	});
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
			await once(file, 'finish');
		},
	};
}
