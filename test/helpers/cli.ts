import {spawn, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {descendants as descendantsNow} from './proc.js';

export const CLI = fileURLToPath(new URL('../../source/cli.js', import.meta.url));

export type CliResult = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

export type RunOptions = {env?: NodeJS.ProcessEnv; onSpawn?: (child: ChildProcess) => void; timeoutMs?: number; cwd?: string};

/** Run any program (node, python3) with its output collected; killed, and rejected, when it does not end in time. */
export function runProgram(file: string, args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(file, [...args], {
			cwd: options.cwd,
			env: {...process.env, ...options.env},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
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
			reject(new Error(`${args.join(' ')} did not end in time; stderr: ${stderr}`));
		}, options.timeoutMs ?? 60_000);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stdout, stderr});
		});
		options.onSpawn?.(child);
	});
}

/** Spawn concviz as a user would (stdout and stderr are pipes, so it runs headless). */
export const runCli = async (args: readonly string[], options: RunOptions & {node?: string} = {}): Promise<CliResult> =>
	runProgram(options.node ?? process.execPath, [CLI, ...args], options);

/** Pids of the live descendants of `pid` (from /proc). */
export async function descendants(pid: number): Promise<number[]> {
	return descendantsNow(pid);
}
