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
