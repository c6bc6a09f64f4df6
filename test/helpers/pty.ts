import {readFileSync} from 'node:fs';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import pty from 'node-pty';
import xterm from '@xterm/headless';
import {CLI, descendants} from './cli.js';
import {isAlive} from './processes.js';

const {Terminal} = xterm;

export type PtyExit = {exitCode: number; signal: number | undefined};

export type PtyOptions = {
	readonly cols?: number;
	readonly rows?: number;
	/** Added to the environment (a value of undefined removes the variable). */
	readonly env?: Readonly<Record<string, string | undefined>>;
	readonly cwd?: string;
	/** Lines kept above the screen (default 1000). */
	readonly scrollback?: number;
};

export type Pty = {
	readonly pid: number;
	/** The visible lines of the terminal, trailing spaces trimmed, joined by \n. */
	screen(): string;
	/** Poll the screen until it matches; resolves with that screen, rejects with the last screen on timeout. */
	waitFor(predicate: RegExp | ((screen: string) => boolean), timeoutMs: number): Promise<string>;
	/** Resolves once everything received so far has been parsed by the terminal emulator. */
	flush(): Promise<void>;
	write(keys: string): void;
	/**
	 * Close the terminal under the program, as a closed tmux pane or ssh session does:
	 * its tty hangs up (SIGHUP, then every read and write fails with EIO).
	 */
	hangUp(): void;
	/** Resize both the pseudo-terminal (the program gets SIGWINCH) and the emulator. */
	resize(cols: number, rows: number): void;
	/** Every byte the program wrote so far. */
	raw(): string;
	/** How many characters the program wrote so far. */
	readonly bytes: number;
	/** The whole buffer, scrollback included, trailing spaces trimmed (after the emulator caught up). */
	buffer(): Promise<string>;
	/** Resolves with the exit code, or undefined if the program did not exit within `timeoutMs`. */
	waitForExit(timeoutMs: number): Promise<number | undefined>;
	readonly exited: Promise<PtyExit>;
	readonly hasExited: boolean;
	/** Every process seen under the program so far (polled from /proc every 100 ms while it runs). */
	seenDescendants(): number[];
	/** Kill the program and every process under it (SIGKILL); safe to call twice, or after the exit. */
	kill(): Promise<void>;
};

/** Environment variables that would change how Ink or the theme behave (CI renders only the last frame). */
const NEUTRAL: Readonly<Record<string, undefined>> = {
	CI: undefined,
	CONTINUOUS_INTEGRATION: undefined,
	NO_COLOR: undefined,
	FORCE_COLOR: undefined,
	NODE_OPTIONS: undefined,
	NODE_TEST_CONTEXT: undefined,
	// The language comes from the locale (pt* → Portuguese): tests ask for one with --lang or LANG.
	LC_ALL: undefined,
	LC_MESSAGES: undefined,
	LANG: undefined,
	LANGUAGE: undefined,
};

const live = new Set<Pty>();

/** Field 22 of /proc/PID/stat (start time in clock ticks), undefined when the process is gone. */
function startTimeOf(pid: number): string | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
}

/**
 * Start concviz (`node dist/source/cli.js ...args`) in a real pseudo-terminal,
 * its output fed to a headless xterm as a terminal would; the one harness of
 * the end-to-end tests and the bench.
 */
export function startPty(args: readonly string[], options: PtyOptions = {}): Pty {
	return startProgram(process.execPath, [CLI, ...args], options);
}

/** The same for any program (a shell with job control, say), which then leads the terminal's session. */
export function startProgram(file: string, args: readonly string[], options: PtyOptions = {}): Pty {
	const cols = options.cols ?? 80;
	const rows = options.rows ?? 24;
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries({...process.env, ...NEUTRAL, TERM: 'xterm-256color', ...options.env})) {
		if (value !== undefined) {
			env[key] = value;
		}
	}

	const terminal = new Terminal({cols, rows, allowProposedApi: true, scrollback: options.scrollback ?? 1000});
	const child = pty.spawn(file, [...args], {
		name: 'xterm-256color',
		cols,
		rows,
		cwd: options.cwd ?? process.cwd(),
		env,
	});
	const chunks: string[] = [];
	let bytes = 0;
	let pending: Promise<void> = Promise.resolve();
	let disposed = false;
	child.onData((data) => {
		chunks.push(data);
		bytes += data.length;
		if (disposed) {
			return;
		}

		pending = new Promise((resolve) => {
			terminal.write(data, resolve);
		});
	});
	let hasExited = false;
	const exited = new Promise<PtyExit>((resolve) => {
		child.onExit(({exitCode, signal}) => {
			hasExited = true;
			resolve({exitCode, signal});
		});
	});
	const pid = child.pid;
	/** Descendant pid → its start time, so a pid reused by an unrelated process is never killed. */
	const seen = new Map<number, string>();
	const remember = async (): Promise<void> => {
		for (const p of await descendants(pid)) {
			if (!seen.has(p)) {
				const start = startTimeOf(p);
				if (start !== undefined) {
					seen.set(p, start);
				}
			}
		}
	};

	const lines = (from: number, count: number): string => {
		const buffer = terminal.buffer.active;
		const out: string[] = [];
		for (let y = from; y < from + count; y++) {
			out.push(buffer.getLine(y)?.translateToString(true) ?? '');
		}

		return out.join('\n');
	};

	const screen = (): string => lines(terminal.buffer.active.viewportY, terminal.rows);

	const self: Pty = {
		pid,
		screen,
		async waitFor(predicate, timeoutMs) {
			const test = typeof predicate === 'function' ? predicate : (s: string) => predicate.test(s);
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				await pending;
				const now = screen();
				if (test(now)) {
					return now;
				}

				if (Date.now() >= deadline) {
					throw new Error(`timed out after ${timeoutMs} ms waiting for ${String(predicate)}; the screen:\n${now}`);
				}

				if (hasExited) {
					// Nothing more will come; one last look once the emulator caught up.
					await delay(50);
					await pending;
					if (test(screen())) {
						return screen();
					}

					throw new Error(`the program exited while waiting for ${String(predicate)}; the screen:\n${screen()}`);
				}

				await delay(50);
			}
		},
		async flush() {
			await pending;
			await new Promise<void>((resolve) => {
				terminal.write('', resolve);
			});
		},
		write(keys) {
			child.write(keys);
		},
		hangUp() {
			// node-pty's destroy() closes the master side, then sends SIGHUP as the kernel does.
			(child as unknown as {destroy(): void}).destroy();
		},
		resize(newCols, newRows) {
			terminal.resize(newCols, newRows);
			if (!hasExited) {
				child.resize(newCols, newRows);
			}
		},
		raw: () => chunks.join(''),
		get bytes() {
			return bytes;
		},
		async buffer() {
			await pending;
			return lines(0, terminal.buffer.active.length);
		},
		async waitForExit(timeoutMs) {
			let timer: NodeJS.Timeout | undefined;
			const exit = await Promise.race([
				exited,
				new Promise<undefined>((resolve) => {
					timer = setTimeout(() => {
						resolve(undefined);
					}, timeoutMs);
				}),
			]);
			clearTimeout(timer);
			await delay(50);
			await pending;
			return exit?.exitCode;
		},
		exited,
		get hasExited() {
			return hasExited;
		},
		seenDescendants: () => [...seen.keys()],
		async kill() {
			live.delete(self);
			clearInterval(watch);
			if (!hasExited) {
				await remember().catch(() => undefined);
				try {
					process.kill(pid, 'SIGKILL');
				} catch {}
			}

			for (const [p, start] of seen) {
				try {
					if (isAlive(p) && startTimeOf(p) === start) {
						process.kill(p, 'SIGKILL');
					}
				} catch {}
			}

			await Promise.race([exited, delay(2000)]);
			disposed = true;
			terminal.dispose();
		},
	};
	live.add(self);
	// Remember the tree as it grows, so kill() can reach processes whose parent is already gone.
	let looking = false;
	const watch = setInterval(() => {
		if (hasExited) {
			clearInterval(watch);
			return;
		}

		if (!looking) {
			looking = true;
			remember()
				.catch(() => undefined)
				.finally(() => {
					looking = false;
				});
		}
	}, 100);
	watch.unref();
	return self;
}

/** Kill every pseudo-terminal started and not yet killed (for after()). */
export async function killAll(): Promise<void> {
	await Promise.all([...live].map((p) => p.kill()));
}
