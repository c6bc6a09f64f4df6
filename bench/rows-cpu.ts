// Row 3: CPU speed-ups.
import {CPU_RUNS, concviz, int, log, notes, secs, type Result, type Row} from './common.js';

export async function rowsCpuSpeedUp(): Promise<Row[]> {
	const args = ['--work', 'cpu', '-n', '200', '--cpu-ms', '20', '-p', '2'];
	const modes = ['sequential', 'processes', 'threads'] as const;
	const rows: Row[] = (['processes', 'threads'] as const).map(mode => ({
		name: `3 cpu speed-up ${mode} (seq/${mode === 'processes' ? 'proc' : 'thr'} wall)`,
		concviz: '',
		baseline: '',
		ratio: Number.NaN,
		target: {op: '≥', value: 1.8},
	}));
	// Each CLI run calibrates its own kernel (units per task of ~20 ms CPU), so
	// compare wall time per unit of work; best (lowest) of CPU_RUNS runs per mode.
	const runs = new Map<string, Result[]>(modes.map(mode => [mode, []]));
	for (let i = 1; i <= CPU_RUNS; i++) {
		for (const mode of modes) {
			log(`3/7 cpu work, n=200 --cpu-ms 20: ${mode} (run ${i}/${CPU_RUNS})`);
			runs.get(mode)!.push(await concviz(['--mode', mode, ...args]));
		}
	}

	const perUnit = (r: Result): number => r.wallMs / (r.calibration?.units ?? 1);
	const fastest = (mode: string): Result => runs.get(mode)!.reduce((a, b) => (perUnit(b) < perUnit(a) ? b : a));
	const cell = (r: Result): string => `${r.mode} ${secs(r.wallMs)} (${int(r.calibration?.units ?? Number.NaN)} u)`;
	const sequential = fastest('sequential');
	for (const [i, mode] of (['processes', 'threads'] as const).entries()) {
		const row = rows[i]!;
		const parallel = fastest(mode);
		row.concviz = cell(parallel);
		row.baseline = cell(sequential);
		row.ratio = perUnit(sequential) / perUnit(parallel);
	}

	notes.push(`row 3: wall ${modes.map(mode => `${mode} ${runs.get(mode)!.map(r => secs(r.wallMs)).join('/')}`).join(', ')}; kernel units per task (u) ${modes.map(mode => runs.get(mode)!.map(r => r.calibration?.units ?? '?').join('/')).join(', ')}; each run calibrates its own kernel, so ratio = sequential/parallel wall per unit, best run of each`);
	const all = [...runs.values()].flat().map(r => r.calibration?.units ?? Number.NaN).sort((a, b) => a - b);
	const median = all[Math.floor(all.length / 2)]!;
	for (const r of [...runs.values()].flat()) {
		const units = r.calibration?.units ?? Number.NaN;
		if (Math.abs(units / median - 1) > 0.1) {
			notes.push(`row 3: a ${r.mode} run calibrated ${int(units)} units/task against a median of ${int(median)}: its "20 ms" tasks cost about ${(20 * units / median).toFixed(1)} ms`);
		}
	}

	return rows;
}
