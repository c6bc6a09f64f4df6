// Rows 8 and 9: the engineers' tools: what --trace costs, and how closely --rate keeps its schedule.
import {mkdtemp, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {LATENCY, PAIRS, best, concviz, int, log, notes, rate, spread, type Result, type Row} from './common.js';

/** BENCH_SCALE=0.05 runs these rows on a twentieth of the tasks (to check they run, not to measure). */
const SCALE = Number(process.env['BENCH_SCALE'] ?? 1) || 1;
const scaled = (n: number): number => Math.max(10, Math.round(n * SCALE));

type Rated = Result & {rate: {target: number; achieved: number; late: number}; latencyMs: {p50: number; p99: number}; serviceMs: {p50: number; p99: number}};

export async function rowTraceOverhead(): Promise<Row> {
	const row: Row = {name: '11 async req/s --trace vs without', concviz: '', baseline: '', ratio: Number.NaN, target: {op: '≥', value: 0.9}};
	const n = scaled(20_000);
	const dir = await mkdtemp(join(tmpdir(), 'concviz-bench-trace-'));
	const traced: number[] = [];
	const plain: number[] = [];
	let bytes = 0;
	try {
		for (let i = 1; i <= PAIRS; i++) {
			log(`11 --trace overhead: pair ${i}/${PAIRS}`);
			const args = ['--mode', 'async', '-n', String(n), '-c', '1000', '--latency', String(LATENCY)];
			const file = join(dir, `run-${i}.json`);
			traced.push((await concviz([...args, '--trace', file])).requestsPerSecond);
			bytes = Math.max(bytes, (await stat(file)).size);
			plain.push((await concviz(args)).requestsPerSecond);
		}
	} finally {
		await rm(dir, {recursive: true, force: true});
	}

	row.concviz = `--trace ${rate(best(traced))}`;
	row.baseline = `without ${rate(best(plain))}`;
	row.ratio = best(traced) / best(plain);
	notes.push(`row 11 (n=${int(n)}): --trace ${spread(traced)} req/s; without ${spread(plain)} req/s; trace file ${int(bytes / 1024)} KB`);
	return row;
}

export async function rowRateAccuracy(): Promise<Row> {
	const target = 1000;
	const row: Row = {name: `12 --rate ${target}/s async: achieved/target`, concviz: '', baseline: '', ratio: Number.NaN, target: {op: '≥', value: 0.95}};
	const n = scaled(5000);
	log(`12 --rate accuracy: async at ${target}/s, n=${n}`);
	const fast = await concviz(['--mode', 'async', '-n', String(n), '-c', '1000', '--latency', String(LATENCY), '--rate', String(target)]) as Rated;
	log('12 --rate: sequential at 20/s, n=40 (it cannot keep up)');
	const slow = await concviz(['--mode', 'sequential', '-n', '40', '--latency', String(LATENCY), '--rate', '20']) as Rated;
	row.concviz = `achieved ${int(fast.rate.achieved)}/s`;
	row.baseline = `target ${int(target)}/s`;
	row.ratio = fast.rate.achieved / target;
	notes.push(
		`row 12 (n=${int(n)}): ${int(fast.rate.late)} late starts; latency p50/p99 ${fast.latencyMs.p50}/${fast.latencyMs.p99} ms from the intended start, service ${fast.serviceMs.p50}/${fast.serviceMs.p99} ms`,
		`row 12, sequential at 20/s against T=${LATENCY} ms (n=40): achieved ${slow.rate.achieved}/s, ${slow.rate.late} late, latency p99 ${slow.latencyMs.p99} ms beside service p99 ${slow.serviceMs.p99} ms`,
	);
	return row;
}
