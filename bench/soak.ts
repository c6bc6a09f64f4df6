// `npm run soak [-- --minutes M]` (not part of npm test): concviz processes-async at full speed for M minutes
// (default 10) against a latency server with faults on (a --fail-rate of 500s and connection resets), sampling
// the whole client's memory, its open file descriptors and the throughput, and checking that they stay flat.
// Progress and samples on stderr, the verdict on stdout; exit 1 when something did not stay flat.
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {readdirSync, readFileSync, writeFileSync, mkdtempSync, rmSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';
import {parseArgs} from 'node:util';
import {startLatencyServer} from '../source/server/latency-server.js';
import {descendants} from '../test/helpers/proc.js';
import {CLI, NODE, int, log} from './common.js';
import {clockTicks} from './rows-ui.js';
import {machineTicks, ownTicks} from './table.js';

const FAIL_RATE = 0.05;
/** One URL in RESET_EVERY is a server that resets the connection. */
const RESET_EVERY = 100;
/** Flat: the last third of the samples within these bounds of the first third (the first sample, warm-up, left out). */
const MAX_RSS_GROWTH = 1.1;
const MAX_FD_GROWTH = 1.1;
const MIN_THROUGHPUT_RATIO = 0.85;

/** otherCores: CPU of other processes (not the soak's) over the interval, in cores: a shared machine shows here. */
type Sample = {t: number; rssBytes: number; fds: number; perSecond: number; otherCores: number};


function tree(pid: number): number[] {
	return [pid, ...descendants(pid)];
}

const rssOf = (pid: number): number => {
	try {
		return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
	} catch {
		return 0;
	}
};

const fdsOf = (pid: number): number => {
	try {
		return readdirSync(`/proc/${pid}/fd`).length;
	} catch {
		return 0;
	}
};

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function soak(minutes: number): Promise<void> {
	const server = await startLatencyServer({port: 0, latency: 100, jitter: 0, failRate: FAIL_RATE, bodyBytes: 1024, seed: 1});
	let resets = 0;
	const resetter = createServer(socket => {
		socket.on('error', () => undefined);
		socket.once('data', () => {
			resets++;
			socket.resetAndDestroy();
		});
	});
	resetter.listen(0, '127.0.0.1');
	await once(resetter, 'listening');
	const resetPort = (resetter.address() as {port: number}).port;
	const dir = mkdtempSync(join(tmpdir(), 'concviz-soak-'));
	const urls = join(dir, 'urls.txt');
	writeFileSync(urls, Array.from({length: RESET_EVERY}, (_, i) => (i === 0 ? `http://127.0.0.1:${resetPort}/reset` : `${server.url}/r/${i}`)).join('\n'));
	const args = [CLI, '-m', 'processes-async', '-p', '2', '-c', '1000', '-n', '100M', '--timeout', '5000', '--urls', urls, '--json'];
	log(`soak: ${minutes} min of concviz ${args.slice(1).join(' ')} (fail rate ${FAIL_RATE}, 1 URL in ${RESET_EVERY} resets)`);
	const child = spawn(NODE, args, {stdio: ['ignore', 'pipe', 'inherit']});
	let stdout = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	const samples: Sample[] = [];
	const intervalMs = Math.max(2000, Math.min(20_000, (minutes * 60_000) / 30));
	const started = performance.now();
	let served = server.served;
	const ticksPerSecond = clockTicks();
	let [machine, own] = [machineTicks(), ownTicks()];
	try {
		while (performance.now() - started < minutes * 60_000 && child.exitCode === null) {
			await new Promise(resolve => setTimeout(resolve, intervalMs));
			const pids = tree(child.pid!);
			const [machineNow, ownNow] = [machineTicks(), ownTicks()];
			const otherCores = Math.max(0, (machineNow - machine - (ownNow - own)) / ticksPerSecond / (intervalMs / 1000));
			[machine, own] = [machineNow, ownNow];
			const sample = {
				t: (performance.now() - started) / 1000,
				rssBytes: pids.reduce((sum, pid) => sum + rssOf(pid), 0),
				fds: pids.reduce((sum, pid) => sum + fdsOf(pid), 0),
				perSecond: (server.served - served) / (intervalMs / 1000),
				otherCores,
			};
			served = server.served;
			samples.push(sample);
			log(`soak ${sample.t.toFixed(0)} s: rss ${int(sample.rssBytes / 2 ** 20)} MB, ${sample.fds} fds, ${int(sample.perSecond)} req/s, ${resets} resets so far; other processes ${otherCores.toFixed(2)} cores`);
		}

		child.kill('SIGINT');
		await once(child, 'close');
	} finally {
		child.kill('SIGKILL');
		await server.close();
		resetter.close();
		rmSync(dir, {recursive: true, force: true});
	}

	report(samples, stdout, resets);
}

function report(samples: readonly Sample[], stdout: string, resets: number): void {
	const steady = samples.slice(1);
	const third = Math.max(1, Math.floor(steady.length / 3));
	const first = steady.slice(0, third);
	const last = steady.slice(-third);
	const ratio = (pick: (s: Sample) => number): number => median(last.map(pick)) / median(first.map(pick));
	const result = JSON.parse(stdout || '{}') as {requested?: number; completed?: number; failed?: number; cancelled?: number; failures?: Record<string, number>; peakRssBytes?: number};
	const sum = (result.completed ?? 0) + (result.failed ?? 0) + (result.cancelled ?? 0);
	const checks = [
		{name: 'memory (RSS of the whole client, last third ÷ first third)', value: ratio(s => s.rssBytes), ok: ratio(s => s.rssBytes) <= MAX_RSS_GROWTH, target: `≤ ${MAX_RSS_GROWTH}`},
		{name: 'open file descriptors (last third ÷ first third)', value: ratio(s => s.fds), ok: ratio(s => s.fds) <= MAX_FD_GROWTH, target: `≤ ${MAX_FD_GROWTH}`},
		{name: 'throughput (last third ÷ first third)', value: ratio(s => s.perSecond), ok: ratio(s => s.perSecond) >= MIN_THROUGHPUT_RATIO, target: `≥ ${MIN_THROUGHPUT_RATIO}`},
		{name: 'completed + failed + cancelled == requested', value: sum, ok: result.requested !== undefined && sum === result.requested, target: `${result.requested ?? '?'}`},
	];
	const lines = [
		`soak: ${samples.length} samples over ${samples.at(-1)?.t.toFixed(0) ?? 0} s; ${int(result.completed ?? 0)} completed, ${int(result.failed ?? 0)} failed (${JSON.stringify(result.failures ?? {})}), ${int(result.cancelled ?? 0)} cancelled at the end; ${int(resets)} resets served`,
		`other processes used ${median(first.map(s => s.otherCores)).toFixed(2)} → ${median(last.map(s => s.otherCores)).toFixed(2)} cores (median of each third): throughput on a shared machine moves with them`,
		`rss ${int(median(first.map(s => s.rssBytes)) / 2 ** 20)} → ${int(median(last.map(s => s.rssBytes)) / 2 ** 20)} MB (peak ${int((result.peakRssBytes ?? 0) / 2 ** 20)} MB), fds ${median(first.map(s => s.fds))} → ${median(last.map(s => s.fds))}, ${int(median(first.map(s => s.perSecond)))} → ${int(median(last.map(s => s.perSecond)))} req/s`,
		...checks.map(check => `${check.ok ? 'ok  ' : 'MISS'} ${check.name}: ${Number.isInteger(check.value) ? int(check.value) : check.value.toFixed(3)} (target ${check.target})`),
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	process.exitCode = checks.every(check => check.ok) ? 0 : 1;
}

const {values} = parseArgs({options: {minutes: {type: 'string', default: '10'}}});
const minutes = Number(values.minutes);
if (!(minutes > 0)) {
	process.stderr.write(`soak: --minutes must be a positive number, got '${values.minutes}'\n`);
	process.exitCode = 2;
} else {
	await soak(minutes);
}
