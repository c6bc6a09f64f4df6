import type {RunResult} from '../metrics/snapshot.js';

/** One result object (a run) or an array (compare), 2-space indented, with a trailing newline. */
export function formatJson(result: RunResult | readonly RunResult[]): string {
	return `${JSON.stringify(result, null, 2)}\n`;
}
