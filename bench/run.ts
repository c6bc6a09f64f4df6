// `npm run bench`: concviz against the bare clients it stands for, side by
// side in one run, on this machine. Progress goes to stderr, ONE table of
// ratios to stdout. Always exits 0: a missed target is printed as MISS (this
// is a report, not a test).
import os from 'node:os';
import process from 'node:process';
import {spawnServer} from '../source/server/spawn-server.js';
import {LATENCY, NOISY_CORES, PAIRS, PTY_PAIRS, SERVER, log, notes, type Row, type Target} from './common.js';
import {rowAsyncVsUndici, rowProcessesAsyncVsAutocannon} from './rows-clients.js';
import {rowsCpuSpeedUp} from './rows-cpu.js';
import {rowCalibrationSpread, rowsModel, rowsPython, rowsStartup} from './rows-model.js';
import {rowRateAccuracy, rowTraceOverhead} from './rows-engineers.js';
import {rowsMemory} from './rows-memory.js';
import {rowsReplay} from './rows-replay.js';
import {rowsPythonRuntime} from './rows-python.js';
import {clockTicks, rowBus, rowDashboardVsHeadless, rowRenderCost} from './rows-ui.js';
import {failedRow, formatTable, machineBusy, machineTicks, ownTicks} from './table.js';

/** Disturbed rows are run again only while the whole bench stays under this. */
const BUDGET_MS = 230_000;

type Bench = {
	readonly name: string;
	readonly target: Target;
	readonly run: () => Promise<Row | Row[]>;
	/** Long rows (4, 10) never run twice. */
	readonly retry: boolean;
};

type Outcome = {rows: Row[]; notes: string[]; otherLoad: number; ms: number};

async function main(): Promise<void> {
	const started = performance.now();
	const cores = os.availableParallelism();
	const background = await machineBusy(1000).catch(() => Number.NaN);
	log(`Node ${process.version}, ${cores} cores; starting the embedded server (T=${LATENCY} ms)`);
	const server = await spawnServer(SERVER);
	// `node dist/bench/run.js 1 6` runs only rows 1 and 6 (for development); no argument runs all.
	const only = new Set(process.argv.slice(2));
	const ticksPerSecond = clockTicks();
	const benches: Bench[] = ([
		{name: '1 async req/s vs bare undici Pool', target: {op: '≥', value: 0.95}, run: async () => rowAsyncVsUndici(server), retry: true},
		{name: '2 processes-async req/s vs autocannon', target: {op: '≥', value: 0.9}, run: async () => rowProcessesAsyncVsAutocannon(server), retry: true},
		{name: '3 cpu speed-up', target: {op: '≥', value: 1.8}, run: rowsCpuSpeedUp, retry: true},
		{name: '4 measured/predicted', target: {op: '≥', value: 0.85, max: 1.15}, run: rowsModel, retry: false},
		{name: '5 bus throughput (events/s ÷ 1M)', target: {op: '≥', value: 1}, run: rowBus, retry: true},
		{name: '6 render cost, main thread 160x48 16 lanes', target: {op: '≤', value: 0.15}, run: rowRenderCost, retry: true},
		{name: '7 async req/s dashboard on vs --json', target: {op: '≥', value: 0.9}, run: rowDashboardVsHeadless, retry: true},
		{name: '8 cpu calibration spread', target: {op: '≤', value: 0.05}, run: rowCalibrationSpread, retry: true},
		{name: '9 start-up, pool of 16', target: {op: '≤', value: 1}, run: rowsStartup, retry: true},
		{name: "10 total time vs the talk's Python", target: {op: '≥', value: 1}, run: async () => rowsPython(server), retry: false},
		{name: '11 async req/s --trace vs without', target: {op: '≥', value: 0.9}, run: rowTraceOverhead, retry: true},
		{name: '12 --rate accuracy', target: {op: '≥', value: 0.95}, run: rowRateAccuracy, retry: true},
		{name: '13 flat memory (rows 13 and 14)', target: {op: '≤', value: 1.1}, run: async () => rowsMemory(server), retry: false},
		{name: '15 replay: save size, its memory, seek time, same JSON', target: {op: '≤', value: 1}, run: rowsReplay, retry: false},
		{name: '16 --runtime python (rows 16 to 18)', target: {op: '≥', value: 0.95}, run: async () => rowsPythonRuntime(server), retry: false},
	] satisfies Bench[] as Bench[]).filter(bench => only.size === 0 || only.has(bench.name.split(' ')[0]!));

	/** Run one bench, measuring the CPU that other processes used meanwhile (in cores). */
	const measure = async (bench: Bench): Promise<Outcome> => {
		const t0 = performance.now();
		const [machine0, own0, notes0] = [machineTicks(), ownTicks(), notes.length];
		let rows: Row[];
		try {
			const got = await bench.run();
			rows = Array.isArray(got) ? got : [got];
		} catch (error) {
			log(`${bench.name}: ${error instanceof Error ? error.message : String(error)}`);
			rows = [failedRow(bench.name, bench.target, error)];
		}

		const ms = performance.now() - t0;
		const otherLoad = Math.max(0, (machineTicks() - machine0 - (ownTicks() - own0)) / ticksPerSecond / (ms / 1000));
		for (const row of rows) {
			row.otherLoad = otherLoad;
		}

		return {rows, notes: notes.splice(notes0), otherLoad, ms};
	};

	const outcomes: Outcome[] = [];
	const retried: string[] = [];
	try {
		for (const bench of benches) {
			outcomes.push(await measure(bench));
		}

		// A row that other processes disturbed runs once more, while the whole bench stays within budget; the quieter run stays.
		for (const [i, bench] of benches.entries()) {
			const first = outcomes[i]!;
			const elapsed = performance.now() - started;
			if (!bench.retry || first.otherLoad < NOISY_CORES || elapsed + first.ms > BUDGET_MS) {
				continue;
			}

			log(`${bench.name}: other processes used ${first.otherLoad.toFixed(2)} cores meanwhile; running it again`);
			const second = await measure(bench);
			retried.push(`${bench.name.split(' ')[0]!} (other load ${first.otherLoad.toFixed(2)} → ${second.otherLoad.toFixed(2)} cores)`);
			if (second.otherLoad < first.otherLoad) {
				outcomes[i] = second;
			}
		}
	} finally {
		await server.close();
	}

	const rows = outcomes.flatMap(outcome => outcome.rows);
	const load = outcomes.map((outcome, i) => `${benches[i]!.name.split(' ')[0]!}: ${outcome.otherLoad.toFixed(2)}`);
	const out = [
		`concviz bench · Node ${process.version} · ${cores} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}) · ${os.platform()} ${os.arch()}`,
		`The embedded server, the workers and the UI share these ${cores} cores; T=${LATENCY} ms, loopback only.`,
		`Other processes kept ${Number.isNaN(background) ? '?' : background.toFixed(2)} of ${cores} cores busy in the second before the bench started.`,
		'',
		formatTable(rows),
		'',
		`req/s rows: best of ${PAIRS} interleaved pairs (row 7: ${PTY_PAIRS}); concviz runs as its CLI (a child process with its own embedded server, same code and options),`,
		'baselines (bare undici, autocannon) hit one spawnServer instance started by the bench. ratio is concviz/baseline, except row 3 (speed-up) and row 6 (share of one core).',
		`CPU of other processes (not the bench's) while each row ran, in cores: ${load.join(', ')}${rows.some(row => (row.otherLoad ?? 0) >= NOISY_CORES) ? ` (noisy: ≥ ${NOISY_CORES}, that row's figures are disturbed)` : ''}.`,
		...(retried.length > 0 ? [`run again because disturbed (the quieter run is shown): ${retried.join(', ')}`] : []),
		...(rows.some(row => row.error !== undefined && !Number.isNaN(row.ratio)) ? ['ok*: the target is met but something else went wrong (see below).'] : []),
		...outcomes.flatMap(outcome => outcome.notes),
		...rows.filter(row => row.error).map(row => `${row.name}: ${row.error}`),
		`bench took ${((performance.now() - started) / 1000).toFixed(0)} s`,
	];
	process.stdout.write(`${out.join('\n')}\n`);
}

await main();
process.exitCode = 0;
