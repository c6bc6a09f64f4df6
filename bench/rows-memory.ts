// Rows 8 and 9: memory stays flat as n grows, and a URL file of a million lines costs no more than the embedded server.
import {createWriteStream} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {once} from 'node:events';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {SpawnedServer} from '../source/server/spawn-server.js';
import {concviz, int, log, notes, secs, type Result, type Row} from './common.js';

/** CONCVIZ_BENCH_MEMORY_SCALE=0.01 runs rows 13 and 14 at 1,000 and 10,000 requests (to check they run); 1 is the real thing. */
const SCALE = Number(process.env['CONCVIZ_BENCH_MEMORY_SCALE'] ?? 1);
const SMALL = Math.max(100, Math.round(100_000 * SCALE));
const LARGE = Math.max(1000, Math.round(1_000_000 * SCALE));
const LIMIT_BYTES = 700 * 2 ** 20;
const TIMEOUT_MS = 1_800_000;
const ARGS = ['-m', 'processes-async', '-p', '2', '-c', '1000', '--latency', '100'];

type Measured = Result & {peakRssBytes: number; startupMs: number};
const mb = (bytes: number): string => `${int(bytes / 2 ** 20)} MB`;

async function writeUrlFile(path: string, baseUrl: string, lines: number): Promise<void> {
	const out = createWriteStream(path);
	for (let i = 0; i < lines; i++) {
		if (!out.write(`${baseUrl}/r/${i}\n`)) {
			await once(out, 'drain');
		}
	}

	out.end();
	await once(out, 'finish');
}

const run = async (args: readonly string[]): Promise<Measured> => (await concviz([...ARGS, ...args], TIMEOUT_MS)) as Measured;

export async function rowsMemory(server: SpawnedServer): Promise<Row[]> {
	log(`13/14 flat memory: processes-async P=2 at ${int(SMALL)} requests`);
	const small = await run(['-n', String(SMALL)]);
	log(`13/14 flat memory: processes-async P=2 at ${int(LARGE)} requests`);
	const large = await run(['-n', String(LARGE)]);
	const dir = await mkdtemp(join(tmpdir(), 'concviz-bench-urls-'));
	let file: Measured;
	try {
		const path = join(dir, 'urls.txt');
		await writeUrlFile(path, server.url, LARGE);
		log(`13/14 flat memory: the same run from a ${int(LARGE)}-line --urls file`);
		file = await run(['-n', String(LARGE), '--urls', path]);
	} finally {
		await rm(dir, {recursive: true, force: true});
	}

	notes.push(`rows 13, 14 (peak RSS of the whole client: main process and lane processes): n=${int(SMALL)} ${mb(small.peakRssBytes)} in ${secs(small.wallMs)} (${int(small.requestsPerSecond)} req/s); `
		+ `n=${int(LARGE)} ${mb(large.peakRssBytes)} in ${secs(large.wallMs)} (${int(large.requestsPerSecond)} req/s); `
		+ `${int(LARGE)}-line --urls file ${mb(file.peakRssBytes)} in ${secs(file.wallMs)}, start-up ${int(file.startupMs)} ms (embedded ${int(large.startupMs)} ms)`);
	return [
		{name: `13 peak RSS processes-async n=${int(LARGE)} ÷ n=${int(SMALL)}`, concviz: mb(large.peakRssBytes), baseline: mb(small.peakRssBytes), ratio: large.peakRssBytes / small.peakRssBytes, target: {op: '≤', value: 1.1}},
		{name: `13 peak RSS processes-async n=${int(LARGE)} ÷ 700 MB`, concviz: mb(large.peakRssBytes), baseline: '700 MB', ratio: large.peakRssBytes / LIMIT_BYTES, target: {op: '≤', value: 1}},
		{name: `14 peak RSS ${int(LARGE)}-line --urls file ÷ embedded`, concviz: mb(file.peakRssBytes), baseline: mb(large.peakRssBytes), ratio: file.peakRssBytes / large.peakRssBytes, target: {op: '≤', value: 1.2}},
	];
}
