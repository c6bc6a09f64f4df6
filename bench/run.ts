// `npm run bench`: concviz against the bare clients it stands for, side by
// side in one run, on this machine. Progress goes to stderr, ONE table of
// ratios to stdout. Always exits 0: a missed target is printed as MISS (this
// is a report, not a test).
import {execFileSync, spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {measureBusThroughput} from './bus-throughput.js';
import {spawnServer, type SpawnedServer} from '../source/server/spawn-server.js';
import {descendants} from '../test/helpers/proc.js';
import {cpuTicks, startPty, treeTicks, type BenchPty} from './pty.js';

const NODE = process.execPath;
const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));
const BARE = fileURLToPath(new URL('bare-undici.js', import.meta.url));
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');
const COLS = 160;
const ROWS = 48;
/** Interleaved repetitions of the req/s comparisons; each side keeps its best (least disturbed) run. */
const PAIRS = 3;
const PTY_PAIRS = 3;
const CPU_RUNS = 2;
/** Disturbed rows are run again only while the whole bench stays under this. */
const BUDGET_MS = 230_000;
const LATENCY = 100;
const SERVER = {port: 0, latency: LATENCY, jitter: 0, failRate: 0, bodyBytes: 1024, seed: 1};

type Target = {readonly op: '≥' | '≤'; readonly value: number};
type Row = {
	readonly name: string;
	concviz: string;
	baseline: string;
	ratio: number;
	readonly target: Target;
	error?: string;
	/** CPU of other processes while the row ran, in cores. */
	otherLoad?: number;
};
/** Rows run while other processes used at least this many cores are marked `noisy`. */
const NOISY_CORES = 0.25;
const notes: string[] = [];

const log = (line: string): void => {
	process.stderr.write(`[bench] ${line}\n`);
};

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const rate = (n: number): string => `${int(n)} req/s`;
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)}s`;
const best = (values: readonly number[]): number => Math.max(...values);
const spread = (values: readonly number[]): string => values.map(v => int(v)).join(', ');

type Proc = {code: number | null; stdout: string; stderr: string};

async function runNode(args: readonly string[], timeoutMs: number): Promise<Proc> {
	return new Promise((resolve, reject) => {
		const child = spawn(NODE, [...args], {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, NODE_OPTIONS: ''}});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${args.join(' ')}: no end after ${timeoutMs / 1000} s`));
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', code => {
			clearTimeout(timer);
			resolve({code, stdout, stderr});
		});
	});
}

type Result = {
	mode: string;
	requested: number;
	completed: number;
	failed: number;
	cancelled: number;
	wallMs: number;
	predictedMs: number;
	requestsPerSecond: number;
	calibration?: {units: number};
};

/** `concviz ... --json` as a child process (as a user runs it); its own embedded server. */
async function concviz(args: readonly string[], timeoutMs = 120_000): Promise<Result> {
	const {code, stdout, stderr} = await runNode([CLI, ...args, '--json'], timeoutMs);
	if (code !== 0) {
		throw new Error(`concviz ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`);
	}

	const result = JSON.parse(stdout) as Result;
	if (result.completed !== result.requested) {
		throw new Error(`concviz ${args.join(' ')}: ${result.completed}/${result.requested} completed (${result.failed} failed, ${result.cancelled} cancelled)`);
	}

	return result;
}

async function bareUndici(server: SpawnedServer, n: number): Promise<number> {
	const {code, stdout, stderr} = await runNode([BARE, server.url, String(n), '1000'], 120_000);
	if (code !== 0) {
		throw new Error(`bare-undici exited ${code}: ${stderr.trim()}`);
	}

	const result = JSON.parse(stdout) as {ok: number; failed: number; requestsPerSecond: number};
	if (result.ok !== n) {
		throw new Error(`bare-undici: ${result.ok}/${n} ok, ${result.failed} failed`);
	}

	return result.requestsPerSecond;
}

async function autocannon(server: SpawnedServer, n: number): Promise<number> {
	const {code, stdout, stderr} = await runNode([AUTOCANNON, '-c', '1000', '-a', String(n), '-j', '-n', `${server.url}/r/0`], 120_000);
	if (code !== 0) {
		throw new Error(`autocannon exited ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`);
	}

	const result = JSON.parse(stdout) as {requests: {total: number}; duration: number; errors: number; timeouts: number; non2xx: number};
	if (result.requests.total < n || result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
		throw new Error(`autocannon: ${result.requests.total} responses, ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
	}

	// `duration` (s) runs from the start to the last response, like concviz's wallMs.
	return result.requests.total / result.duration;
}

// ---------------------------------------------------------------- the rows

async function rowAsyncVsUndici(_server: SpawnedServer): Promise<Row> {
	const row: Row = {name: '1 async req/s vs bare undici Pool', concviz: '', baseline: '', ratio: Number.NaN, target: {op: '≥', value: 0.95}};
	const n = 20_000;
	const ours: number[] = [];
	const theirs: number[] = [];
	for (let i = 1; i <= PAIRS; i++) {
		log(`1/7 async vs bare undici: pair ${i}/${PAIRS}`);
		// eslint-disable-next-line no-await-in-loop
		ours.push((await concviz(['--mode', 'async', '-n', String(n), '-c', '1000', '--latency', String(LATENCY)])).requestsPerSecond);
		// eslint-disable-next-line no-await-in-loop
		// Each concviz run starts its own server; the bare script gets a fresh one too, so neither meets a warmed-up server.
		// eslint-disable-next-line no-await-in-loop
		const fresh = await spawnServer(SERVER);
		try {
			// eslint-disable-next-line no-await-in-loop
			theirs.push(await bareUndici(fresh, n));
		} finally {
			// eslint-disable-next-line no-await-in-loop
			await fresh.close();
		}
	}

	row.concviz = rate(best(ours));
	row.baseline = rate(best(theirs));
	row.ratio = best(ours) / best(theirs);
	notes.push(`row 1 (each side on a fresh server): concviz ${spread(ours)} req/s; bare undici ${spread(theirs)} req/s`);
	return row;
}

async function rowProcessesAsyncVsAutocannon(server: SpawnedServer): Promise<Row> {
	const row: Row = {name: '2 processes-async req/s vs autocannon', concviz: '', baseline: '', ratio: Number.NaN, target: {op: '≥', value: 0.9}};
	const n = 20_000;
	const ours: number[] = [];
	const theirs: number[] = [];
	for (let i = 1; i <= PAIRS; i++) {
		log(`2/7 processes-async vs autocannon: pair ${i}/${PAIRS}`);
		// eslint-disable-next-line no-await-in-loop
		ours.push((await concviz(['--mode', 'processes-async', '-p', '2', '-c', '500', '-n', String(n), '--latency', String(LATENCY)])).requestsPerSecond);
		// eslint-disable-next-line no-await-in-loop
		theirs.push(await autocannon(server, n));
	}

	row.concviz = rate(best(ours));
	row.baseline = rate(best(theirs));
	row.ratio = best(ours) / best(theirs);
	notes.push(`row 2: concviz ${spread(ours)} req/s; autocannon ${spread(theirs)} req/s`);
	return row;
}

async function rowsCpuSpeedUp(): Promise<Row[]> {
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
			// eslint-disable-next-line no-await-in-loop
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

async function rowsModel(): Promise<Row[]> {
	const rows: Row[] = [];
	for (const mode of ['sequential', 'processes', 'threads'] as const) {
		const row: Row = {name: `4 measured/predicted ${mode}`, concviz: '', baseline: '', ratio: Number.NaN, target: {op: '≤', value: 1.1}};
		rows.push(row);
		try {
			log(`4/7 measured vs predicted, n=400 T=${LATENCY}: ${mode}${mode === 'sequential' ? ' (40 s)' : ''}`);
			// eslint-disable-next-line no-await-in-loop
			const result = await concviz(['--mode', mode, '-n', '400', '-p', '2', '--latency', String(LATENCY)]);
			row.concviz = `measured ${secs(result.wallMs)}`;
			row.baseline = `predicted ${secs(result.predictedMs)}`;
			row.ratio = result.wallMs / result.predictedMs;
		} catch (error) {
			row.error = String(error instanceof Error ? error.message : error);
		}
	}

	return rows;
}

async function rowBus(): Promise<Row> {
	const row: Row = {name: '5 bus throughput (events/s ÷ 1M)', concviz: '', baseline: '1,000,000 ev/s', ratio: Number.NaN, target: {op: '≥', value: 1}};
	const runs: number[] = [];
	for (let i = 1; i <= 2; i++) {
		log(`5/7 bus throughput: 2 workers × 1,000,000 events, run ${i}/2`);
		// eslint-disable-next-line no-await-in-loop
		runs.push((await measureBusThroughput({workers: 2, eventsPerWorker: 1_000_000})).eventsPerSecond);
	}

	row.concviz = `${int(best(runs))} ev/s`;
	row.ratio = best(runs) / 1_000_000;
	notes.push(`row 5: ${spread(runs)} events/s`);
	return row;
}

const clockTicks = (): number => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
	} catch {
		return 100;
	}
};

/** Send `q`; wait for the exit; kill what is left. Returns a problem, or '' when it exited with 0. */
async function quit(term: BenchPty, what: string): Promise<string> {
	term.write('q');
	const code = await term.waitForExit(15_000);
	term.kill();
	if (code === undefined) {
		return `${what}: no exit within 15 s of \`q\` (killed)`;
	}

	return code === 0 ? '' : `${what}: exit code ${code} after \`q\``;
}

async function rowRenderCost(): Promise<Row> {
	const row: Row = {name: '6 render cost, main thread 160x48 16 lanes', concviz: '', baseline: '1 core', ratio: Number.NaN, target: {op: '≤', value: 0.15}};
	const ticksPerSecond = clockTicks();
	const args = [CLI, '--mode', 'threads', '-p', '16', '-n', '1000000', '--latency', String(LATENCY)];
	log(`6/7 render cost: dashboard in a ${COLS}x${ROWS} pty, threads -p 16, 3 s warm-up + 10 s measured`);
	const term = startPty(NODE, args, COLS, ROWS);
	try {
		await term.waitFor(screen => screen.includes('running'), 20_000);
		await delay(3000);
		const main = `/proc/${term.pid}/task/${term.pid}/stat`;
		const whole = `/proc/${term.pid}/stat`;
		const t0 = performance.now();
		const [main0, whole0, bytes0] = [cpuTicks(main), cpuTicks(whole), term.bytes];
		await delay(10_000);
		const [main1, whole1, bytes1] = [cpuTicks(main), cpuTicks(whole), term.bytes];
		const seconds = (performance.now() - t0) / 1000;
		const share = (main1 - main0) / ticksPerSecond / seconds;
		const processShare = (whole1 - whole0) / ticksPerSecond / seconds;
		row.concviz = `${(share * 100).toFixed(1)}% of a core`;
		row.ratio = share;
		notes.push(`row 6: main thread ${(share * 100).toFixed(1)}% of a core; whole dashboard process (16 worker threads included) ${(processShare * 100).toFixed(1)}%; ${int((bytes1 - bytes0) / seconds)} chars/s to the terminal`);
		const problem = await quit(term, 'row 6');
		if (problem !== '') {
			row.error = problem;
		}
	} finally {
		term.kill();
		term.dispose();
	}

	return row;
}

/** One async run with the dashboard on; req/s from the summary paragraph left on screen after `q`. */
async function dashboardAsync(n: number): Promise<number> {
	const term = startPty(NODE, [CLI, '--mode', 'async', '-n', String(n), '-c', '1000', '--latency', String(LATENCY)], COLS, ROWS);
	try {
		const total = `${int(n)}/${int(n)}`;
		await term.waitFor(screen => screen.includes('✓ done') || screen.includes(total) && !screen.includes('running'), 60_000);
		const problem = await quit(term, 'row 7');
		if (problem !== '') {
			notes.push(problem);
		}

		const text = (await term.buffer()).replaceAll(/\s+/g, ' ');
		const match = /async, io: ([\d,]+)\/([\d,]+) done \(.*?\) in \S+, predicted .*?; ([\d,.]+) req\/s/.exec(text);
		if (!match) {
			throw new Error(`row 7: no summary paragraph after q; the screen:\n${await term.screen()}`);
		}

		if (match[1] !== match[2]) {
			throw new Error(`row 7: the dashboard run completed ${match[1]}/${match[2]}`);
		}

		return Number(match[3]!.replaceAll(',', ''));
	} finally {
		term.kill();
		term.dispose();
	}
}

async function rowDashboardVsHeadless(): Promise<Row> {
	const row: Row = {name: '7 async req/s dashboard on vs --json', concviz: '', baseline: '', ratio: Number.NaN, target: {op: '≥', value: 0.9}};
	const n = 20_000;
	const ours: number[] = [];
	const theirs: number[] = [];
	for (let i = 1; i <= PTY_PAIRS; i++) {
		log(`7/7 async with the dashboard (${COLS}x${ROWS} pty) vs --json: pair ${i}/${PTY_PAIRS}`);
		// eslint-disable-next-line no-await-in-loop
		ours.push(await dashboardAsync(n));
		// eslint-disable-next-line no-await-in-loop
		theirs.push((await concviz(['--mode', 'async', '-n', String(n), '-c', '1000', '--latency', String(LATENCY)])).requestsPerSecond);
	}

	row.concviz = `dashboard ${rate(best(ours))}`;
	row.baseline = `--json ${rate(best(theirs))}`;
	row.ratio = best(ours) / best(theirs);
	notes.push(`row 7: dashboard ${spread(ours)} req/s; --json ${spread(theirs)} req/s`);
	return row;
}

// ---------------------------------------------------------------- the table

function failedRow(name: string, target: Target, error: unknown): Row {
	return {name, concviz: '', baseline: '', ratio: Number.NaN, target, error: String(error instanceof Error ? error.message : error)};
}

function formatTable(rows: readonly Row[]): string {
	const header = ['benchmark', 'concviz', 'baseline', 'ratio', 'target', 'ok'];
	const cells = rows.map(row => {
		const met = row.target.op === '≥' ? row.ratio >= row.target.value : row.ratio <= row.target.value;
		const verdict = row.error !== undefined && Number.isNaN(row.ratio) ? 'ERROR' : met ? (row.error ? 'ok*' : 'ok') : 'MISS';
		const ok = (row.otherLoad ?? 0) >= NOISY_CORES ? `${verdict} noisy` : verdict;
		return [
			row.name,
			row.concviz || '-',
			row.baseline || '-',
			Number.isNaN(row.ratio) ? '-' : row.ratio.toFixed(2),
			`${row.target.op} ${row.target.value.toFixed(2)}`,
			ok,
		];
	});
	const all = [header, ...cells];
	const widths = header.map((_, i) => Math.max(...all.map(r => r[i]!.length)));
	const line = (r: readonly string[]): string => r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ').trimEnd();
	const rule = widths.map(w => '-'.repeat(w)).join('-|-');
	return [line(header), rule, ...cells.map(r => line(r))].join('\n');
}

/** user + nice + system ticks of the whole machine (every core), from /proc/stat. */
function machineTicks(): number {
	const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
	return fields[0]! + fields[1]! + fields[2]!;
}

/** CPU ticks of this process and everything under it, the dead (reaped) included. */
function ownTicks(): number {
	let ticks = treeTicks('self');
	for (const pid of descendants(process.pid)) {
		try {
			ticks += treeTicks(pid);
		} catch {}
	}

	return ticks;
}

/** Busy time of the whole machine (every process, this one included) over `ms`, in cores (from /proc/stat). */
async function machineBusy(ms: number): Promise<number> {
	const read = (): {busy: number; total: number} => {
		const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
		const total = fields.reduce((a, b) => a + b, 0);
		const idle = fields[3]! + (fields[4] ?? 0);
		return {busy: total - idle, total};
	};

	const a = read();
	await delay(ms);
	const b = read();
	return ((b.busy - a.busy) / (b.total - a.total)) * os.availableParallelism();
}

type Bench = {
	readonly name: string;
	readonly target: Target;
	readonly run: () => Promise<Row | Row[]>;
	/** Rows 4 take 80 s: never run twice. */
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
		{name: '4 measured/predicted', target: {op: '≤', value: 1.1}, run: rowsModel, retry: false},
		{name: '5 bus throughput (events/s ÷ 1M)', target: {op: '≥', value: 1}, run: rowBus, retry: true},
		{name: '6 render cost, main thread 160x48 16 lanes', target: {op: '≤', value: 0.15}, run: rowRenderCost, retry: true},
		{name: '7 async req/s dashboard on vs --json', target: {op: '≥', value: 0.9}, run: rowDashboardVsHeadless, retry: true},
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
			// eslint-disable-next-line no-await-in-loop
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
			// eslint-disable-next-line no-await-in-loop
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
