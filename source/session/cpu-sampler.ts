import os from 'node:os';

type Times = {busy: number; total: number};

/** Each core's times; none when they can't be read (os.cpus() opens /proc/stat, which fails on EMFILE). */
function read(): Times[] {
	let cpus: os.CpuInfo[];
	try {
		cpus = os.cpus();
	} catch {
		return [];
	}

	return cpus.map(({times}) => {
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
			const fresh = read();
			// Unreadable now: the last reading stands, and this interval reads as idle.
			const current = fresh.length > 0 ? fresh : previous;
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
