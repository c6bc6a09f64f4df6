// Rows 5 to 7: the event bus, the dashboard's render cost, the dashboard against --json.
import {execFileSync} from 'node:child_process';
import {setTimeout as delay} from 'node:timers/promises';
import {measureBusThroughput} from './bus-throughput.js';
import {cpuTicks} from '../test/helpers/proc.js';
import {startPty, type Pty} from '../test/helpers/pty.js';
import {COLS, LATENCY, PTY_PAIRS, ROWS, best, concviz, int, log, notes, rate, spread, type Row} from './common.js';

export async function rowBus(): Promise<Row> {
	const row: Row = {name: '5 bus throughput (events/s ÷ 1M)', concviz: '', baseline: '1,000,000 ev/s', ratio: Number.NaN, target: {op: '≥', value: 1}};
	const runs: number[] = [];
	for (let i = 1; i <= 2; i++) {
		log(`5/7 bus throughput: 2 workers × 1,000,000 events, run ${i}/2`);
		runs.push((await measureBusThroughput({workers: 2, eventsPerWorker: 1_000_000})).eventsPerSecond);
	}

	row.concviz = `${int(best(runs))} ev/s`;
	row.ratio = best(runs) / 1_000_000;
	notes.push(`row 5: ${spread(runs)} events/s`);
	return row;
}

export const clockTicks = (): number => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
	} catch {
		return 100;
	}
};

/** Send `q`; wait for the exit; kill what is left. Returns a problem, or '' when it exited with 0. */
export async function quit(term: Pty, what: string): Promise<string> {
	term.write('q');
	const code = await term.waitForExit(15_000);
	if (code === undefined) {
		await term.kill();
	}

	if (code === undefined) {
		return `${what}: no exit within 15 s of \`q\` (killed)`;
	}

	return code === 0 ? '' : `${what}: exit code ${code} after \`q\``;
}

/** The dashboard's main-thread CPU at COLS×ROWS over 10 s of a run of `args`, after `keys` (`v`: the task view). */
async function renderCost(name: string, args: readonly string[], keys: string, what: string): Promise<Row> {
	const row: Row = {name, concviz: '', baseline: '1 core', ratio: Number.NaN, target: {op: '≤', value: 0.15}};
	const ticksPerSecond = clockTicks();
	log(`6/7 render cost: dashboard in a ${COLS}x${ROWS} pty, ${what}, 3 s warm-up + 10 s measured`);
	const term = startPty([...args], {cols: COLS, rows: ROWS, scrollback: 2000});
	try {
		await term.waitFor(screen => screen.includes('running'), 20_000);
		if (keys !== '') {
			term.write(keys);
		}

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
		notes.push(`${name}: main thread ${(share * 100).toFixed(1)}% of a core; whole dashboard process (its lanes included) ${(processShare * 100).toFixed(1)}%; ${int((bytes1 - bytes0) / seconds)} chars/s to the terminal`);
		if (keys !== '' && !term.screen().includes('tasks ─')) {
			row.error = `${name}: the task view was not on screen`;
		}

		const problem = await quit(term, 'row 6');
		if (problem !== '') {
			row.error = problem;
		}
	} finally {
		await term.kill();
	}

	return row;
}

/** Row 6: the lanes of 16 threads, then the task view of one loop ending thousands of tasks a second. */
export async function rowRenderCost(): Promise<Row[]> {
	const latency = ['--latency', String(LATENCY)];
	return [
		await renderCost('6 render cost, main thread 160x48 16 lanes', ['--mode', 'threads', '-p', '16', '-n', '1000000', ...latency], '', 'threads -p 16'),
		await renderCost('6 render cost, main thread 160x48 task view', ['--mode', 'async', '-c', '1000', '-n', '1000000', ...latency], 'v', 'async -c 1000, task view (v)'),
	];
}

/** One async run with the dashboard on; req/s from the summary paragraph left on screen after `q`. */
export async function dashboardAsync(n: number): Promise<number> {
	const term = startPty(['--mode', 'async', '-n', String(n), '-c', '1000', '--latency', String(LATENCY)], {cols: COLS, rows: ROWS, scrollback: 2000});
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
		await term.kill();
	}
}

export async function rowDashboardVsHeadless(): Promise<Row> {
	const row: Row = {name: '7 async req/s dashboard on vs --json', concviz: '', baseline: '', ratio: Number.NaN, target: {op: '≥', value: 0.9}};
	const n = 20_000;
	const ours: number[] = [];
	const theirs: number[] = [];
	for (let i = 1; i <= PTY_PAIRS; i++) {
		log(`7/7 async with the dashboard (${COLS}x${ROWS} pty) vs --json: pair ${i}/${PTY_PAIRS}`);
		ours.push(await dashboardAsync(n));
		theirs.push((await concviz(['--mode', 'async', '-n', String(n), '-c', '1000', '--latency', String(LATENCY)])).requestsPerSecond);
	}

	row.concviz = `dashboard ${rate(best(ours))}`;
	row.baseline = `--json ${rate(best(theirs))}`;
	row.ratio = best(ours) / best(theirs);
	notes.push(`row 7: dashboard ${spread(ours)} req/s; --json ${spread(theirs)} req/s`);
	return row;
}

