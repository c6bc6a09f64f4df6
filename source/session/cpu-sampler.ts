import os from 'node:os';

type Times = {busy: number; total: number};

function read(): Times[] {
	return os.cpus().map(({times}) => {
		const busy = times.user + times.nice + times.sys + times.irq;
		return {busy, total: busy + times.idle};
	});
}

/** Whole-machine utilisation per core, from os.cpus() deltas between calls. */
export type CpuSampler = {
	readonly cores: number;
	/** Utilisation of each core (0..1) since the previous call. */
	sample(): number[];
};

export function createCpuSampler(): CpuSampler {
	let previous = read();
	return {
		cores: previous.length,
		sample() {
			const current = read();
			const perCore = current.map((now, i) => {
				const before = previous[i] ?? now;
				const total = now.total - before.total;
				return total > 0 ? Math.min(1, Math.max(0, (now.busy - before.busy) / total)) : 0;
			});
			previous = current;
			return perCore;
		},
	};
}
