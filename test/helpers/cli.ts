import {spawn, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const CLI = fileURLToPath(new URL('../../source/cli.js', import.meta.url));

export type CliResult = {code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string};

/** Spawn concviz as a user would (stdout and stderr are pipes, so it runs headless). */
export function runCli(args: readonly string[], options: {env?: NodeJS.ProcessEnv; onSpawn?: (child: ChildProcess) => void; timeoutMs?: number} = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {
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
	const {readdir, readFile} = await import('node:fs/promises');
	const parents = new Map<number, number>();
	for (const entry of await readdir('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (fields[0] !== 'Z') {
				parents.set(Number(entry), Number(fields[1]));
			}
		} catch {}
	}

	const found: number[] = [];
	const walk = (parent: number): void => {
		for (const [child, ppid] of parents) {
			if (ppid === parent) {
				found.push(child);
				walk(child);
			}
		}
	};

	walk(pid);
	return found;
}
