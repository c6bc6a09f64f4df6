// Shared by the bench's rows: the CLI as a child process, the bare clients it is compared with, the table's types.
import {createRequire} from 'node:module';
import process from 'node:process';
import {runProgram as runWith} from '../test/helpers/cli.js';
import {fileURLToPath} from 'node:url';
import type {SpawnedServer} from '../source/server/spawn-server.js';

export const NODE = process.execPath;
export const CLI = fileURLToPath(new URL('../source/cli.js', import.meta.url));
export const BARE = fileURLToPath(new URL('bare-undici.js', import.meta.url));
export const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon');
export const COLS = 160;
export const ROWS = 48;
/** Interleaved repetitions of the req/s comparisons; each side keeps its best (least disturbed) run. */
export const PAIRS = 3;
export const PTY_PAIRS = 3;
export const CPU_RUNS = 2;
export const LATENCY = 100;
export const SERVER = {port: 0, latency: LATENCY, jitter: 0, failRate: 0, bodyBytes: 1024, seed: 1};

/** ratio op value; with `max`, also ratio ≤ max (a band). */
export type Target = {readonly op: '≥' | '≤'; readonly value: number; readonly max?: number};
export type Row = {
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
export const NOISY_CORES = 0.25;
export const notes: string[] = [];

export const log = (line: string): void => {
	process.stderr.write(`[bench] ${line}\n`);
};

export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const rate = (n: number): string => `${int(n)} req/s`;
export const secs = (ms: number): string => `${(ms / 1000).toFixed(2)}s`;
export const best = (values: readonly number[]): number => Math.max(...values);
export const spread = (values: readonly number[]): string => values.map(v => int(v)).join(', ');

export type Proc = {code: number | null; stdout: string; stderr: string};

/** Node (this bench's) with `args`, its output collected. */
export const runNode = async (args: readonly string[], timeoutMs: number): Promise<Proc> => runProgram(NODE, args, timeoutMs);

/** Any program (node, python3) with `args`, its output collected; killed after timeoutMs (the tests' runner, without NODE_OPTIONS). */
export const runProgram = async (file: string, args: readonly string[], timeoutMs: number): Promise<Proc> =>
	runWith(file, args, {timeoutMs, env: {NODE_OPTIONS: ''}});

export type Result = {
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
export async function concviz(args: readonly string[], timeoutMs = 120_000): Promise<Result> {
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

export async function bareUndici(server: SpawnedServer, n: number): Promise<number> {
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

export async function autocannon(server: SpawnedServer, n: number): Promise<number> {
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
