// Row 15: a saved run's size, the memory saving costs, the replay's seek time and its JSON, at 1,000,000 requests.
import {mkdtemp, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readSave} from '../source/replay/reader.js';
import {replayResults} from '../source/replay/replay-json.js';
import {Timeline} from '../source/replay/timeline.js';
import {CLI, int, log, notes, runNode, secs, type Row} from './common.js';

/** CONCVIZ_BENCH_REPLAY_SCALE=0.01 runs row 15 at 10,000 requests (to check it runs); 1 is the real thing. */
const SCALE = Number(process.env['CONCVIZ_BENCH_REPLAY_SCALE'] ?? 1);
const N = Math.max(1000, Math.round(1_000_000 * SCALE));
const ARGS = ['-m', 'processes-async', '-p', '2', '-c', '1000', '--latency', '100', '-n', String(N), '--json'];
const TIMEOUT_MS = 1_800_000;
const SIZE_LIMIT = 64 * 2 ** 20;
const SEEK_LIMIT_MS = 200;
const SEEKS = 40;

type Measured = {peakRssBytes: number; wallMs: number; requestsPerSecond: number};
const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;

async function live(args: readonly string[]): Promise<{stdout: string; result: Measured}> {
	const {code, stdout, stderr} = await runNode([CLI, ...args], TIMEOUT_MS);
	if (code !== 0) {
		throw new Error(`concviz ${args.join(' ')} exited ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`);
	}

	return {stdout, result: JSON.parse(stdout) as Measured};
}

/** Seeks between stops far apart (each one restores a keyframe and folds on): the slowest and the median, ms. */
function seekTimes(timeline: Timeline): {max: number; median: number} {
	const times: number[] = [];
	const stops = timeline.stops.length;
	for (let i = 0; i < SEEKS; i++) {
		// A stop in the far half from the one before: never the fold's next step.
		const target = Math.floor(((i * 0.618_034) % 1) * stops);
		const t0 = performance.now();
		timeline.snapshot(target);
		times.push(performance.now() - t0);
	}

	times.sort((a, b) => a - b);
	return {max: times.at(-1)!, median: times[times.length >> 1]!};
}

export async function rowsReplay(): Promise<Row[]> {
	const dir = await mkdtemp(join(tmpdir(), 'concviz-bench-save-'));
	try {
		const path = join(dir, 'run.cvz');
		log(`15 replay: processes-async P=2 at ${int(N)} requests without --save, then with it`);
		const without = await live(ARGS);
		const saved = await live([...ARGS, '--save', path]);
		const bytes = (await stat(path)).size;
		const t0 = performance.now();
		const recording = readSave(path);
		const timeline = new Timeline(recording);
		const loadMs = performance.now() - t0;
		const seek = seekTimes(timeline);
		const same = replayResults(recording).json === saved.stdout;
		notes.push(`row 15: n=${int(N)} saved in ${secs(saved.result.wallMs)} (${int(saved.result.requestsPerSecond)} req/s; without --save ${secs(without.result.wallMs)}, ${int(without.result.requestsPerSecond)} req/s); `
			+ `${mb(bytes)} (${(bytes / N).toFixed(1)} B a request); the replay reads and folds it in ${secs(loadMs)} (${int(timeline.stops.length)} frames), `
			+ `then ${SEEKS} seeks far apart take ${seek.median.toFixed(1)} ms median, ${seek.max.toFixed(1)} ms at most; replay --json ${same ? 'equals' : 'DIFFERS from'} the live JSON`);
		return [
			{name: `15 save size processes-async n=${int(N)} ÷ 64 MB`, concviz: mb(bytes), baseline: '64 MB', ratio: bytes / SIZE_LIMIT, target: {op: '≤', value: 1}},
			{name: `15 peak RSS with --save ÷ without, n=${int(N)}`, concviz: mb(saved.result.peakRssBytes), baseline: mb(without.result.peakRssBytes), ratio: saved.result.peakRssBytes / without.result.peakRssBytes, target: {op: '≤', value: 1.1}},
			{name: `15 slowest seek in the n=${int(N)} save ÷ 200 ms`, concviz: `${seek.max.toFixed(1)} ms`, baseline: `${SEEK_LIMIT_MS} ms`, ratio: seek.max / SEEK_LIMIT_MS, target: {op: '≤', value: 1}},
			{name: `15 replay --json equal to the live JSON`, concviz: same ? 'equal' : 'differs', baseline: 'equal', ratio: same ? 1 : 0, target: {op: '≥', value: 1}},
		];
	} finally {
		await rm(dir, {recursive: true, force: true});
	}
}
