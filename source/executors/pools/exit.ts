import type {ChildProcess} from 'node:child_process';
import {constants} from 'node:os';

/** A child's exit as one number: its code, or 128 + the signal's number (137 for SIGKILL) like a shell. */
export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
	if (code !== null) {
		return code;
	}

	const number = signal ? constants.signals[signal] : undefined;
	return number === undefined ? 1 : 128 + number;
}

const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

/** Resolves when every child has exited, or after timeoutMs. */
export async function waitForExits(children: readonly ChildProcess[], timeoutMs: number): Promise<void> {
	const pending = children.filter(child => !exited(child));
	if (pending.length === 0) {
		return;
	}

	let timer: NodeJS.Timeout | undefined;
	await Promise.race([
		Promise.all(pending.map(async child => new Promise(resolve => {
			child.once('exit', resolve);
		}))),
		new Promise(resolve => {
			timer = setTimeout(resolve, timeoutMs);
		}),
	]);
	clearTimeout(timer);
}
