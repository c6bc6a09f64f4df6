// A pseudo-terminal for the bench: concviz's dashboard in a real pty, its
// output fed to a headless xterm (as a terminal would) so the screen can be read.
import {descendants} from '../test/helpers/proc.js';
import {readFileSync} from 'node:fs';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import xterm from '@xterm/headless';
import pty from 'node-pty';

const {Terminal} = xterm;

export type BenchPty = {
	readonly pid: number;
	/** The visible lines, trailing spaces trimmed, joined by \n (after the emulator caught up). */
	screen(): Promise<string>;
	/** The whole buffer, scrollback included. */
	buffer(): Promise<string>;
	/** Bytes the program wrote so far. */
	readonly bytes: number;
	waitFor(test: (screen: string) => boolean, timeoutMs: number): Promise<string>;
	write(keys: string): void;
	/** Resolves with the exit code, or undefined if it did not exit within `timeoutMs`. */
	waitForExit(timeoutMs: number): Promise<number | undefined>;
	readonly hasExited: boolean;
	/** SIGKILL the program and every process under it that is still there; safe to call twice. */
	kill(): void;
	/** Let go of the terminal emulator (after the last read). */
	dispose(): void;
};

/** Environment variables that change how Ink renders (CI draws only the last frame). */
const NEUTRAL = new Set(['CI', 'CONTINUOUS_INTEGRATION', 'NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS']);

export function startPty(file: string, args: readonly string[], cols: number, rows: number): BenchPty {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !NEUTRAL.has(key)) {
			env[key] = value;
		}
	}

	env['TERM'] = 'xterm-256color';
	const terminal = new Terminal({cols, rows, allowProposedApi: true, scrollback: 2000});
	const child = pty.spawn(file, [...args], {name: 'xterm-256color', cols, rows, cwd: process.cwd(), env});
	let bytes = 0;
	let pending: Promise<void> = Promise.resolve();
	child.onData(data => {
		bytes += data.length;
		pending = new Promise(resolve => {
			terminal.write(data, resolve);
		});
	});
	let exitCode: number | undefined;
	const exited = new Promise<number>(resolve => {
		child.onExit(event => {
			exitCode = event.exitCode;
			resolve(event.exitCode);
		});
	});
	const lines = (from: number, count: number): string => {
		const active = terminal.buffer.active;
		const out: string[] = [];
		for (let y = from; y < from + count; y++) {
			out.push(active.getLine(y)?.translateToString(true) ?? '');
		}

		return out.join('\n');
	};

	const screen = async (): Promise<string> => {
		await pending;
		return lines(terminal.buffer.active.viewportY, terminal.rows);
	};

	// Remember the process tree as it grows, so kill() reaches every process.
	const tree = new Set<number>();
	const watch = setInterval(() => {
		for (const p of descendants(child.pid)) {
			tree.add(p);
		}
	}, 500);
	watch.unref();
	void exited.then(() => {
		clearInterval(watch);
	});

	return {
		pid: child.pid,
		screen,
		async buffer() {
			await pending;
			return lines(0, terminal.buffer.active.length);
		},
		get bytes() {
			return bytes;
		},
		async waitFor(test, timeoutMs) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const now = await screen();
				if (test(now)) {
					return now;
				}

				if (exitCode !== undefined || Date.now() > deadline) {
					throw new Error(`${exitCode === undefined ? `timed out after ${timeoutMs} ms` : `concviz exited (${exitCode})`}; the screen:\n${now}`);
				}

				await delay(100);
			}
		},
		write(keys) {
			child.write(keys);
		},
		async waitForExit(timeoutMs) {
			let timer: NodeJS.Timeout | undefined;
			const code = await Promise.race([
				exited,
				new Promise<undefined>(resolve => {
					timer = setTimeout(() => {
						resolve(undefined);
					}, timeoutMs);
				}),
			]);
			clearTimeout(timer);
			await delay(50);
			await pending;
			return code;
		},
		get hasExited() {
			return exitCode !== undefined;
		},
		kill() {
			clearInterval(watch);
			const left = exitCode === undefined ? [child.pid, ...descendants(child.pid)] : descendants(child.pid);
			// Pids seen under the program earlier count only while still ours (re-parented orphans keep their pid).
			for (const p of [...left, ...[...tree].filter(p => isOrphanOf(p))]) {
				try {
					process.kill(p, 'SIGKILL');
				} catch {}
			}
		},
		dispose() {
			terminal.dispose();
		},
	};
}

/** A process whose parent is init (or a subreaper): an orphan left by a program that has exited. */
function isOrphanOf(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return fields[0] !== 'Z' && Number(fields[1]) === 1;
	} catch {
		return false;
	}
}

/** utime + stime + cutime + cstime (clock ticks) of a process: its own CPU and that of its reaped children. */
export function treeTicks(pid: number | 'self'): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
}

/** utime + stime (clock ticks) of one thread (`/proc/PID/task/TID/stat`) or a whole process (`/proc/PID/stat`). */
export function cpuTicks(statPath: string): number {
	const stat = readFileSync(statPath, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// Fields after the name start at field 3 (state); utime is field 14, stime 15.
	return Number(fields[11]) + Number(fields[12]);
}
