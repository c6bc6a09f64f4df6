// Rows 4, 8, 9 and 10: the two-term model against the measured time, the CPU calibration's spread,
// per-worker start-up, and the talk's own Python programs against `concviz serve`.
import {fileURLToPath} from 'node:url';
import type {SpawnedServer} from '../source/server/spawn-server.js';
import {calibrateOffThread} from '../source/calibration/kernel.js';
import {concviz, int, log, notes, runProgram, secs, type Proc, type Result, type Row} from './common.js';

type ModelResult = Result & {bound: string; startupMs: number; startup: {perWorkerMs: number; perWorkerBytes: number | null} | null};

const BETWEEN = {op: '≥', value: 0.85, max: 1.15} as const;

/** Runs of a few seconds each, one per mode, I/O at T=100 ms, the loop modes at the defaults, then CPU work. */
const MODEL_RUNS: ReadonlyArray<readonly [string, readonly string[]]> = [
	['sequential', ['-m', 'sequential', '-n', '30']],
	['processes', ['-m', 'processes', '-p', '2', '-n', '60']],
	['threads', ['-m', 'threads', '-p', '4', '-n', '120']],
	['processes-threads', ['-m', 'processes-threads', '-p', '2', '--threads', '4', '-n', '240']],
	['async n=20,000', ['-m', 'async', '-n', '20000', '-c', '1000']],
	['processes-async n=60,000', ['-m', 'processes-async', '-p', '2', '-n', '60000', '-c', '1000']],
	// The defaults a user first sees (n=400, C=1,000, P=cores), and ten times n: mostly the loops' first round, its ramp B timed by a burst.
	['async n=400 (defaults)', ['-m', 'async', '-n', '400']],
	['async n=4,000', ['-m', 'async', '-n', '4000']],
	['processes-async n=400 (defaults)', ['-m', 'processes-async', '-n', '400']],
	['processes-async n=4,000', ['-m', 'processes-async', '-n', '4000']],
	['cpu sequential', ['-m', 'sequential', '-w', 'cpu', '-n', '200', '--cpu-ms', '10']],
	['cpu processes', ['-m', 'processes', '-w', 'cpu', '-p', '2', '-n', '200', '--cpu-ms', '10']],
	['cpu threads', ['-m', 'threads', '-w', 'cpu', '-p', '2', '-n', '200', '--cpu-ms', '10']],
	['cpu async', ['-m', 'async', '-w', 'cpu', '-n', '200', '--cpu-ms', '10']],
];

export async function rowsModel(): Promise<Row[]> {
	const rows: Row[] = [];
	for (const [name, args] of MODEL_RUNS) {
		const row: Row = {name: `4 measured/predicted ${name}`, concviz: '', baseline: '', ratio: Number.NaN, target: BETWEEN};
		rows.push(row);
		try {
			log(`4 measured vs predicted: ${args.join(' ')}`);
			const result = await concviz(args) as ModelResult;
			row.concviz = `measured ${secs(result.wallMs)}`;
			row.baseline = `predicted ${secs(result.predictedMs)} ${result.bound}`;
			row.ratio = result.wallMs / result.predictedMs;
		} catch (error) {
			row.error = String(error instanceof Error ? error.message : error);
		}
	}

	return rows;
}

/** Row 8: the CPU kernel's calibration, five times over: (max − min) / median of the units per task. */
export async function rowCalibrationSpread(): Promise<Row> {
	const units: number[] = [];
	for (let i = 0; i < 5; i++) {
		units.push((await calibrateOffThread(10)).units);
	}

	const sorted = [...units].sort((a, b) => a - b);
	const median = sorted[2]!;
	notes.push(`row 8: units per 10 ms task over five calibrations: ${units.map(u => int(u)).join(', ')}`);
	return {
		name: '8 cpu calibration spread (max−min)/median',
		concviz: `${int(sorted[0]!)}–${int(sorted.at(-1)!)} units`,
		baseline: `median ${int(median)}`,
		ratio: (sorted.at(-1)! - sorted[0]!) / median,
		target: {op: '≤', value: 0.05},
	};
}

const mb = (bytes: number | null): string => (bytes === null ? '?' : `${Math.round(bytes / 1_048_576)} MB`);

/** Row 9: a pool of 16 workers ready, threads and processes (concviz's startupMs), against 800 ms. */
export async function rowsStartup(): Promise<Row[]> {
	const rows: Row[] = [];
	for (const mode of ['threads', 'processes'] as const) {
		const row: Row = {name: `9 start-up, pool of 16 ${mode}`, concviz: '', baseline: '800 ms', ratio: Number.NaN, target: {op: '≤', value: 1}};
		rows.push(row);
		try {
			const runs: ModelResult[] = [];
			for (let i = 0; i < 3; i++) {
				log(`9 start-up: ${mode} -p 16 (run ${i + 1}/3)`);
				runs.push(await concviz(['-m', mode, '-p', '16', '-n', '16', '--latency', '10']) as ModelResult);
			}

			const fastest = runs.reduce((a, b) => (b.startupMs < a.startupMs ? b : a));
			row.concviz = `${int(fastest.startupMs)} ms (${mb(fastest.startup?.perWorkerBytes ?? null)} each)`;
			row.ratio = fastest.startupMs / 800;
			notes.push(`row 9 ${mode}: start-up ${runs.map(r => `${int(r.startupMs)} ms`).join(', ')}; per worker ${runs.map(r => `${int(r.startup?.perWorkerMs ?? Number.NaN)} ms & ${mb(r.startup?.perWorkerBytes ?? null)}`).join(', ')}`);
		} catch (error) {
			row.error = String(error instanceof Error ? error.message : error);
		}
	}

	return rows;
}

const TALK = fileURLToPath(new URL('../../bench/python/talk.py', import.meta.url));

const python = async (exe: string, args: readonly string[]): Promise<Proc> => runProgram(exe, args, 600_000);

/** Row 10: each mode's total time, start-up included, against the talk's Python program of that mode, both on one server. */
export async function rowsPython(server: SpawnedServer): Promise<Row[]> {
	// The first python3 on PATH may be another install (pyenv) than the system's, where Debian's packages go.
	let exe: string | undefined;
	for (const candidate of ['python3', '/usr/bin/python3']) {
		const probe = await python(candidate, ['-c', 'import requests, aiohttp']).catch(() => ({code: 1}));
		if (probe.code === 0) {
			exe = candidate;
			break;
		}
	}

	if (exe === undefined) {
		notes.push('row 10 skipped: python3 with requests and aiohttp is not installed (Debian: apt-get install python3-requests python3-aiohttp)');
		return [];
	}

	const runs = [['sequential', 30, 1, 1], ['processes', 60, 2, 1], ['threads', 120, 4, 1], ['async', 4000, 1, 1000]] as const;
	const rows: Row[] = [];
	for (const [mode, n, workers, concurrency] of runs) {
		const row: Row = {name: `10 total time vs the talk's Python, ${mode}`, concviz: '', baseline: '', ratio: Number.NaN, target: {op: '≥', value: 1}};
		rows.push(row);
		try {
			log(`10 Python ${mode} n=${n}`);
			const py = await python(exe, [TALK, mode, server.url, String(n), String(workers), String(concurrency)]);
			const pyResult = JSON.parse(py.stdout) as {ok: number; totalMs: number};
			if (py.code !== 0 || pyResult.ok !== n) {
				throw new Error(`python ${mode}: exit ${py.code}, ${pyResult.ok}/${n} ok ${py.stderr.trim().split('\n').at(-1) ?? ''}`);
			}

			const ours = await concviz(['-m', mode, '-n', String(n), '-p', String(workers), '-c', String(concurrency)]) as ModelResult;
			const total = ours.startupMs + ours.wallMs;
			row.concviz = `${secs(total)} (start-up ${int(ours.startupMs)} ms)`;
			row.baseline = `Python ${secs(pyResult.totalMs)}`;
			row.ratio = pyResult.totalMs / total;
		} catch (error) {
			row.error = String(error instanceof Error ? error.message : error);
		}
	}

	notes.push('row 10: ratio = Python total / concviz total (start-up + wall), each with its own connections to one `concviz serve`-style server (the bench\'s spawnServer); concviz runs its own embedded server as its CLI does');
	return rows;
}
