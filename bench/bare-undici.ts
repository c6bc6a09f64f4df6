// The baseline of row 1: a bare undici Pool keeping `inFlight` requests in flight.
// Usage: node bare-undici.js URL [n=20000] [connections=1000]; prints one JSON line.
import {Pool} from 'undici';

const [url = '', n = 20_000, connections = 1000] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a))) as [string, number, number];
const {origin} = new URL(url);
const pool = new Pool(origin, {connections, pipelining: 1});
let next = 0;
let ok = 0;
let failed = 0;
const worker = async (): Promise<void> => {
	while (next < n) {
		const task = next++;
		try {
			const {statusCode, body} = await pool.request({path: `/r/${task}`, method: 'GET'});
			await body.dump();
			statusCode === 200 ? ok++ : failed++;
		} catch {
			failed++;
		}
	}
};

const start = performance.now();
await Promise.all(Array.from({length: Math.min(connections, n)}, worker));
const ms = performance.now() - start;
await pool.close();
process.stdout.write(`${JSON.stringify({n, ok, failed, ms, requestsPerSecond: ok / (ms / 1000)})}\n`);
