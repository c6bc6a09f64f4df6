import {now} from '../events/events.js';
import {METRICS_LAG_MS} from '../session/run.js';
import {openTraceFile} from './trace-file.js';
import {createTracer, type Tracer} from './tracer.js';

export type {Tracer} from './tracer.js';

/** The tracer of --trace FILE, its file open (rejects when it cannot be written). */
export async function openTrace(path: string): Promise<Tracer> {
	return createTracer(await openTraceFile(path), now(), METRICS_LAG_MS);
}
