// Rows 16–18: --runtime python, the talk's own programs run by concviz's Python runner.
import {fileURLToPath} from 'node:url';
import type {SpawnedServer} from '../source/server/spawn-server.js';
import {concviz, int, log, notes, runProgram, secs, type Result, type Row} from './common.js';

type PythonResult = Result & {startupMs: number; startup: {perWorkerMs: number; perWorkerBytes: number | null} | null};

const TALK = fileURLToPath(new URL('../../bench/python/talk.py', import.meta.url));
const PYTHON = process.env['CONCVIZ_PYTHON'] ?? '/usr/bin/python3';

const runPython = async (args: readonly string[]): Promise<PythonResult> =>
	concviz(['--runtime', 'python', ...args], 300_000) as Promise<PythonResult>;

async function available(): Promise<boolean> {
	const probe = await runProgram(PYTHON, ['-c', 'import requests, aiohttp'], 30_000).catch(() => ({code: 1}));
	return probe.code === 0;
}

const row = (name: string, op: '≥' | '≤', value: number): Row => ({name, concviz: '', baseline: '', ratio: Number.NaN, target: {op, value}});

async function fill(target: Row, body: () => Promise<void>): Promise<void> {
	try {
		await body();
	} catch (error) {
		target.error = String(error instanceof Error ? error.message : error);
	}
}

/** Row 16: each Python mode instrumented (concviz --runtime python) against the talk's program bare, start-up included. */
async function rowsInstrumented(server: SpawnedServer): Promise<Row[]> {
	const runs = [['sequential', 30, 1, 1], ['processes', 60, 2, 1], ['threads', 120, 4, 1], ['async', 4000, 1, 1000]] as const;
	const rows: Row[] = [];
	for (const [mode, n, workers, concurrency] of runs) {
		const target = row(`16 --runtime python vs the bare program, ${mode}`, '≥', 0.95);
		rows.push(target);
		await fill(target, async () => {
			log(`16 Python ${mode} n=${n}: bare, then instrumented`);
			const bare = await runProgram(PYTHON, [TALK, mode, server.url, String(n), String(workers), String(concurrency)], 300_000);
			const bareResult = JSON.parse(bare.stdout) as {ok: number; totalMs: number};
			if (bare.code !== 0 || bareResult.ok !== n) {
				throw new Error(`bare ${mode}: exit ${bare.code}, ${bareResult.ok}/${n} ok`);
			}

			const ours = await runPython(['-m', mode, '-n', String(n), '-p', String(workers), '-c', String(concurrency)]);
			const total = ours.startupMs + ours.wallMs;
			target.concviz = `${secs(total)} (start-up ${int(ours.startupMs)} ms)`;
			target.baseline = `bare ${secs(bareResult.totalMs)}`;
			target.ratio = bareResult.totalMs / total;
		});
	}

	return rows;
}

/** Row 17: start-up per worker of Pool(16) over ThreadPool(16), measured by concviz in both (the talk's claim: threads are lighter). */
async function rowStartup(): Promise<Row> {
	const target = row('17 python start-up per worker, processes/threads (16)', '≥', 1);
	await fill(target, async () => {
		log('17 Python start-up: 16 threads, then 16 processes');
		const threads = await runPython(['-m', 'threads', '-p', '16', '-n', '16', '--latency', '1']);
		const processes = await runPython(['-m', 'processes', '-p', '16', '-n', '16', '--latency', '1']);
		const tMs = threads.startup?.perWorkerMs ?? threads.startupMs / 16;
		const pMs = processes.startup?.perWorkerMs ?? processes.startupMs / 16;
		target.concviz = `process ${pMs.toFixed(2)} ms`;
		target.baseline = `thread ${tMs.toFixed(3)} ms`;
		target.ratio = pMs / tMs;
	});
	return target;
}

/** Row 18: CPU work, threads under the real GIL against processes (2 workers): processes' speed-up. */
async function rowCpu(): Promise<Row> {
	const target = row('18 python cpu: threads time / processes time (2)', '≥', 1.5);
	await fill(target, async () => {
		log('18 Python cpu: 2 threads, then 2 processes, 200 × 10 ms');
		const threads = await runPython(['-m', 'threads', '-p', '2', '-w', 'cpu', '-n', '200', '--cpu-ms', '10']);
		const processes = await runPython(['-m', 'processes', '-p', '2', '-w', 'cpu', '-n', '200', '--cpu-ms', '10']);
		target.concviz = `processes ${secs(processes.wallMs)}`;
		target.baseline = `threads ${secs(threads.wallMs)}`;
		target.ratio = threads.wallMs / processes.wallMs;
	});
	return target;
}

/** Rows 16–18, or none (with a note) where the interpreter lacks requests or aiohttp. */
export async function rowsPythonRuntime(server: SpawnedServer): Promise<Row[]> {
	if (!(await available())) {
		notes.push(`rows 16–18 skipped: ${PYTHON} cannot import requests and aiohttp (Debian: apt-get install python3-requests python3-aiohttp)`);
		return [];
	}

	const rows = [...await rowsInstrumented(server), await rowStartup(), await rowCpu()];
	notes.push('row 16: ratio = bare total / concviz --runtime python total (start-up + wall); the bare program\'s time includes its imports, the runner imports before its pool starts');
	return rows;
}
