import {once} from 'node:events';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';

/**
 * Past this long without SIGCONT, the stop was discarded: the kernel drops
 * SIGTSTP in an orphaned process group (no job-control shell to resume it,
 * as when concviz leads its own session), as it drops a terminal's Ctrl+Z.
 * A job that did stop only runs this timer once it is continued.
 */
const DISCARDED_MS = 200;

/**
 * Ctrl+Z: stops the job as a terminal's Ctrl+Z does, which Ink's raw mode
 * keeps the terminal from doing itself. SIGTSTP goes to the whole process
 * group, so the lanes' processes and the embedded server stop with concviz
 * and the run is frozen (its clock goes on: the time stopped counts in its
 * wall time, as any stall would). Resolves once the job is continued (`fg`),
 * or at once where the stop was discarded. Nothing installs a SIGTSTP
 * listener, so the signal's default action, stopping, applies.
 */
export async function stopJob(): Promise<void> {
	const controller = new AbortController();
	const continued = once(process, 'SIGCONT', {signal: controller.signal}).catch(() => undefined);
	try {
		process.kill(0, 'SIGTSTP');
		await Promise.race([continued, delay(DISCARDED_MS, undefined, {signal: controller.signal})]);
	} finally {
		controller.abort();
	}
}
