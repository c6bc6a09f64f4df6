// Rows 1 and 2: concviz's async modes against the bare clients they stand for.
import {spawnServer, type SpawnedServer} from '../source/server/spawn-server.js';
import {LATENCY, PAIRS, SERVER, autocannon, bareUndici, best, concviz, log, notes, rate, spread, type Row} from './common.js';

export async function rowAsyncVsUndici(_server: SpawnedServer): Promise<Row> {
	const row: Row = {name: '1 async req/s vs bare undici Pool', concviz: '', baseline: '', ratio: Number.NaN, target: {op: '≥', value: 0.95}};
	const n = 20_000;
	const ours: number[] = [];
	const theirs: number[] = [];
	for (let i = 1; i <= PAIRS; i++) {
		log(`1/7 async vs bare undici: pair ${i}/${PAIRS}`);
		ours.push((await concviz(['--mode', 'async', '-n', String(n), '-c', '1000', '--latency', String(LATENCY)])).requestsPerSecond);
		// Each concviz run starts its own server and warms it (its calibration, then a pilot of its pool: ~13,000 requests);
		// the bare script gets a fresh one too, warmed with n requests first, so both meet a warmed-up server.
		const fresh = await spawnServer(SERVER);
		try {
			await bareUndici(fresh, n);
			theirs.push(await bareUndici(fresh, n));
		} finally {
			await fresh.close();
		}
	}

	row.concviz = rate(best(ours));
	row.baseline = rate(best(theirs));
	row.ratio = best(ours) / best(theirs);
	notes.push(`row 1 (each side on its own server, warmed): concviz ${spread(ours)} req/s; bare undici ${spread(theirs)} req/s`);
	return row;
}

export async function rowProcessesAsyncVsAutocannon(server: SpawnedServer): Promise<Row> {
	const row: Row = {name: '2 processes-async req/s vs autocannon', concviz: '', baseline: '', ratio: Number.NaN, target: {op: '≥', value: 0.9}};
	const n = 20_000;
	const ours: number[] = [];
	const theirs: number[] = [];
	for (let i = 1; i <= PAIRS; i++) {
		log(`2/7 processes-async vs autocannon: pair ${i}/${PAIRS}`);
		ours.push((await concviz(['--mode', 'processes-async', '-p', '2', '-c', '500', '-n', String(n), '--latency', String(LATENCY)])).requestsPerSecond);
		theirs.push(await autocannon(server, n));
	}

	row.concviz = rate(best(ours));
	row.baseline = rate(best(theirs));
	row.ratio = best(ours) / best(theirs);
	notes.push(`row 2: concviz ${spread(ours)} req/s; autocannon ${spread(theirs)} req/s`);
	return row;
}
