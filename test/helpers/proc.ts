import {readdirSync, readFileSync} from 'node:fs';

/** Pids of the live descendants of `pid`, from /proc. */
export function descendants(pid: number): number[] {
	const parents = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (fields[0] !== 'Z') {
				parents.set(Number(entry), Number(fields[1]));
			}
		} catch {}
	}

	const found: number[] = [];
	const walk = (parent: number): void => {
		for (const [p, ppid] of parents) {
			if (ppid === parent) {
				found.push(p);
				walk(p);
			}
		}
	};

	walk(pid);
	return found;
}

/** The fields of /proc/PID/stat after the command name (field 3, the state, first). */
function statFields(statPath: string): string[] {
	const stat = readFileSync(statPath, 'utf8');
	return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** utime + stime + cutime + cstime (clock ticks) of a process: its own CPU and that of its reaped children. */
export function treeTicks(pid: number | 'self'): number {
	const fields = statFields(`/proc/${pid}/stat`);
	return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
}

/** utime + stime (clock ticks) of one thread (`/proc/PID/task/TID/stat`) or a whole process (`/proc/PID/stat`). */
export function cpuTicks(statPath: string): number {
	const fields = statFields(statPath);
	return Number(fields[11]) + Number(fields[12]);
}
