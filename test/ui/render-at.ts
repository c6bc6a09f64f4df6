import {EventEmitter} from 'node:events';
import {render as inkRender} from 'ink';
import type {ReactElement} from 'react';

/**
 * Like ink-testing-library's render, but with a terminal of any size: its stdout is fixed at
 * 100 columns (and no rows), and Ink lays out side-by-side boxes wider than the terminal wrongly.
 */
export class Stdout extends EventEmitter {
	frames: string[] = [];
	constructor(
		public columns: number,
		public rows: number,
	) {
		super();
	}

	write = (frame: string, callback?: () => void): boolean => {
		this.frames.push(frame);
		callback?.();
		return true;
	};

	resize(columns: number, rows: number): void {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

/** A stdin that is a terminal (raw mode supported) unless `isTTY` is false; `write` types keys. */
export class Stdin extends EventEmitter {
	data: string | null = null;
	constructor(readonly isTTY: boolean) {
		super();
		if (isTTY) {
			Object.assign(this, {setRawMode() {}});
		}
	}

	write = (data: string): void => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

	read = (): string | null => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

export function renderAt(tree: ReactElement, columns: number, rows = 48, options: {isTTY?: boolean} = {}) {
	const stdout = new Stdout(columns, rows);
	const stdin = new Stdin(options.isTTY ?? true);
	const instance = inkRender(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: new Stdout(columns, rows) as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	return {
		lastFrame: (): string => stdout.frames.at(-1) ?? '',
		stdin,
		stdout,
		unmount: (): void => {
			instance.unmount();
		},
		waitUntilExit: instance.waitUntilExit,
	};
}
