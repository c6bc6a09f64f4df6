import {spawn, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {descendants as descendantsNow} from './proc.js';

export const CLI = fileURLToPath(new URL('../../source/cli.js', import.meta.url));

export type CliResult = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

/** Spawn concviz as a user would (stdout and stderr are pipes, so it runs headless). */
export function runCli(args: readonly string[], options: {env?: NodeJS.ProcessEnv; onSpawn?: (child: ChildProcess) => void; timeoutMs?: number; cwd?: string; node?: string} = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(options.node ?? process.execPath, [CLI, ...args], {
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
			reject(new Error(`concviz ${args.join(' ')} did not end in time; stderr: ${stderr}`));
		}, options.timeoutMs ?? 60_000);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({code, signal, stdout, stderr});
		});
		options.onSpawn?.(child);
	});
}

/** Pids of the live descendants of `pid` (from /proc). */
export async function descendants(pid: number): Promise<number[]> {
	return descendantsNow(pid);
}
