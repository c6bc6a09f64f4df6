import {readdirSync, readFileSync} from 'node:fs';

/** The child processes of process `pid` (Linux), [] where they can't be read. */
export function childrenOf(pid: number): number[] {
	try {
		return readdirSync(`/proc/${pid}/task`).flatMap((task) => {
			try {
				return readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
			} catch {
				return [];
			}
		});
	} catch {
		return [];
	}
}
