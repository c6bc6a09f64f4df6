import {closeSync, fstatSync, openSync, readSync} from 'node:fs';
import {crc32, inflateRawSync} from 'node:zlib';
import {fileWhy, UsageError} from '../config/errors.js';
import type {RunStart} from '../session/observer.js';
import {FIRST_LINE, FRAME, FRAME_HEAD, MAGIC, MAX_FRAME_BYTES, SAVE_VERSION, type SaveEnd, type SaveHeader} from './format.js';
import {parse} from './json-numbers.js';

/** A bad save file: one line, exit 2 (the CLI prints `concviz: replay: …`). */
export class SaveError extends UsageError {}

export type SavedRun = {
	readonly start: RunStart;
	/** Its blocks of actions, still compressed (block.ts unpacks them). */
	readonly blocks: Buffer[];
};

export type Recording = {
	readonly path: string;
	readonly header: SaveHeader;
	readonly runs: SavedRun[];
	/** The end frame; null when the file was cut short (the session that wrote it was killed). */
	readonly end: SaveEnd | null;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads `length` bytes at `position`, fewer at the end of the file. */
function readAt(fd: number, position: number, length: number): Buffer {
	const buffer = Buffer.alloc(length);
	let got = 0;
	while (got < length) {
		const n = readSync(fd, buffer, got, length - got, position + got);
		if (n === 0) {
			break;
		}

		got += n;
	}

	return buffer.subarray(0, got);
}

/** The version the first line names; throws for a file that is not a save. */
function versionOf(path: string, first: Buffer): number {
	const text = first.toString('latin1');
	const newline = text.indexOf('\n');
	const line = newline === -1 ? text : text.slice(0, newline);
	if (!line.startsWith(MAGIC) || !/^\d{1,6}$/.test(line.slice(MAGIC.length)) || newline === -1) {
		if (newline === -1 && FIRST_LINE.startsWith(text) && text.length > 0) {
			throw new SaveError(`replay: ${path} was cut short before its first run: nothing to replay`);
		}

		throw new SaveError(`replay: ${path} is not a concviz save file`);
	}

	const version = Number(line.slice(MAGIC.length));
	if (version > SAVE_VERSION) {
		throw new SaveError(`replay: ${path} was saved by a newer concviz (save version ${version}; this one reads ${SAVE_VERSION})`);
	}

	if (version < 1) {
		throw new SaveError(`replay: ${path} is not a concviz save file`);
	}

	return line.length + 1;
}

type Frame = {kind: number; body: Buffer; at: number};

/** The frames of the file in order; stops (cut: true) at one that runs past the end. */
function framesOf(path: string, fd: number, size: number, from: number): {frames: Frame[]; cut: boolean} {
	const frames: Frame[] = [];
	let at = from;
	while (at < size) {
		const head = readAt(fd, at, FRAME_HEAD);
		if (head.length < FRAME_HEAD) {
			return {frames, cut: true};
		}

		const kind = head.readUInt8(0);
		const length = head.readUInt32LE(1);
		if (kind < FRAME.header || kind > FRAME.end || length > MAX_FRAME_BYTES) {
			throw new SaveError(`replay: ${path} is corrupt at byte ${at} (not a frame)`);
		}

		if (at + FRAME_HEAD + length > size) {
			return {frames, cut: true};
		}

		const body = readAt(fd, at + FRAME_HEAD, length);
		if (crc32(body) !== head.readUInt32LE(5)) {
			throw new SaveError(`replay: ${path} is corrupt at byte ${at} (its checksum does not match)`);
		}

		frames.push({kind, body, at});
		at += FRAME_HEAD + length;
	}

	return {frames, cut: false};
}

/** A frame's bytes, inflated (at most MAX_FRAME_BYTES). */
export function inflate(path: string, body: Buffer, at = 0): Buffer {
	try {
		return inflateRawSync(body, {maxOutputLength: MAX_FRAME_BYTES});
	} catch {
		throw new SaveError(`replay: ${path} is corrupt at byte ${at} (a frame does not inflate)`);
	}
}

function jsonOf(path: string, frame: Frame): Record<string, unknown> {
	let value: unknown;
	try {
		value = parse(inflate(path, frame.body, frame.at).toString('utf8'));
	} catch (error) {
		if (error instanceof SaveError) {
			throw error;
		}
	}

	if (!isObject(value)) {
		throw new SaveError(`replay: ${path} is corrupt at byte ${frame.at} (a frame is not what it says)`);
	}

	return value;
}

function isHeader(value: Record<string, unknown>): boolean {
	return typeof value['recordedAt'] === 'number' && typeof value['cores'] === 'number' && isObject(value['config']) && typeof value['command'] === 'string';
}

function isRunStart(value: Record<string, unknown>): boolean {
	const info = value['info'];
	return isObject(info) && typeof info['id'] === 'number' && typeof info['mode'] === 'string' && typeof value['t'] === 'number'
		&& typeof value['cores'] === 'number' && typeof value['lagMs'] === 'number';
}

/** The frames put together: the header first, each run with its blocks, the end last. */
function assemble(path: string, frames: Frame[], cut: boolean): Recording {
	const [first, ...rest] = frames;
	if (!first) {
		throw new SaveError(`replay: ${path} was cut short before its first run: nothing to replay`);
	}

	const header = jsonOf(path, first);
	if (first.kind !== FRAME.header || !isHeader(header)) {
		throw new SaveError(`replay: ${path} is corrupt at byte ${first.at} (no header)`);
	}

	const runs: SavedRun[] = [];
	let end: SaveEnd | null = null;
	for (const frame of rest) {
		if (end) {
			throw new SaveError(`replay: ${path} is corrupt at byte ${frame.at} (a frame past the end)`);
		}

		if (frame.kind === FRAME.run) {
			const start = jsonOf(path, frame);
			if (!isRunStart(start)) {
				throw new SaveError(`replay: ${path} is corrupt at byte ${frame.at} (a run without its start)`);
			}

			runs.push({start: start as unknown as RunStart, blocks: []});
		} else if (frame.kind === FRAME.block) {
			const run = runs.at(-1);
			if (!run) {
				throw new SaveError(`replay: ${path} is corrupt at byte ${frame.at} (actions before any run)`);
			}

			run.blocks.push(frame.body);
		} else if (frame.kind === FRAME.end) {
			const value = jsonOf(path, frame);
			end = {t: typeof value['t'] === 'number' ? value['t'] : Number.NaN};
		} else {
			throw new SaveError(`replay: ${path} is corrupt at byte ${frame.at} (a second header)`);
		}
	}

	if (runs.length === 0) {
		throw new SaveError(cut || !end ? `replay: ${path} was cut short before its first run: nothing to replay` : `replay: ${path} holds no run: nothing to replay`);
	}

	return {path, header: header as unknown as SaveHeader, runs, end: cut ? null : end};
}

/** Reads and checks a save file; throws SaveError (one line) for one that is missing, corrupt, newer or not a save. */
export function readSave(path: string): Recording {
	let fd: number;
	try {
		fd = openSync(path, 'r');
	} catch (error) {
		throw new SaveError(`replay: cannot read ${path}: ${fileWhy(error)}`);
	}

	try {
		const stat = fstatSync(fd);
		if (stat.isDirectory()) {
			throw new SaveError(`replay: cannot read ${path}: it is a directory`);
		}

		if (!stat.isFile()) {
			throw new SaveError(`replay: ${path} is not a concviz save file (not a regular file)`);
		}

		if (stat.size === 0) {
			throw new SaveError(`replay: ${path} is empty: nothing to replay`);
		}

		const from = versionOf(path, readAt(fd, 0, 32));
		const {frames, cut} = framesOf(path, fd, stat.size, from);
		return assemble(path, frames, cut);
	} catch (error) {
		if (error instanceof SaveError) {
			throw error;
		}

		throw new SaveError(`replay: cannot read ${path}: ${fileWhy(error)}`);
	} finally {
		closeSync(fd);
	}
}
