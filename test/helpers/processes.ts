import {readFileSync} from 'node:fs';
import {setTimeout as delay} from 'node:timers/promises';

/** Is `pid` a live process? A zombie (exited, not yet reaped by its new parent) counts as gone. */
export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ESRCH') {
			return false;
		}

		throw error;
	}

	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return true;
	}
}

/** Poll until `pid` is gone or `ms` have passed; true if it is gone. */
export async function waitForExit(pid: number, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (!isAlive(pid)) {
			return true;
		}

		await delay(25);
	}

	return !isAlive(pid);
}
