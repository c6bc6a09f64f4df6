import {pushCapped} from './throughput.js';

/** Machine CPU per core, as sampled by the session (os.cpus() deltas). */
export type CpuState = {
	readonly perCore: readonly number[];
	readonly history: readonly (readonly number[])[];
	/** Sum of each core's samples counted into the run's means, and how many. */
	readonly sums: readonly number[];
	readonly samples: number;
	/** Sum over counted samples of the mean across cores. */
	readonly meanSum: number;
};

export function emptyCpu(cores: number): CpuState {
	return {
		perCore: Array.from({length: cores}, () => 0),
		history: Array.from({length: cores}, () => []),
		sums: Array.from({length: cores}, () => 0),
		samples: 0,
		meanSum: 0,
	};
}

const mean = (values: readonly number[]): number => (values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length);

/** One sample: shown and kept in the history; counted into the run's means only when `counted` (the run is under way). */
export function addCpuSample(cpu: CpuState, perCore: readonly number[], counted: boolean): CpuState {
	const values = perCore.map(v => Math.min(1, Math.max(0, v)));
	const history = values.map((v, i) => pushCapped(cpu.history[i] ?? [], v));
	if (!counted) {
		return {...cpu, perCore: values, history};
	}

	return {
		perCore: values,
		history,
		sums: values.map((v, i) => (cpu.sums[i] ?? 0) + v),
		samples: cpu.samples + 1,
		meanSum: cpu.meanSum + mean(values),
	};
}

export const cpuUtilisation = (cpu: CpuState): number => (cpu.samples === 0 ? 0 : cpu.meanSum / cpu.samples);

export const cpuPerCoreMean = (cpu: CpuState): readonly number[] =>
	cpu.perCore.map((_, i) => (cpu.samples === 0 ? 0 : (cpu.sums[i] ?? 0) / cpu.samples));
