import {now} from '../events/events.js';
import {METRICS_LAG_MS} from '../run/run.js';
import {createTraceFile} from './trace-file.js';
import {createTracer, type Tracer} from './tracer.js';

export type {Tracer} from './tracer.js';

/** The tracer of --trace FILE, writing to `file` (a stream its opener opened for `path` and watches). */
export function openTrace(file: NodeJS.WritableStream, path: string): Tracer {
	return createTracer(createTraceFile(file, path), now(), METRICS_LAG_MS);
}
