import {constants} from 'node:fs';
import {access, stat} from 'node:fs/promises';
import {dirname, resolve} from 'node:path';
import {UsageError, fileWhy} from '../config/errors.js';

const why = (error: unknown): string => fileWhy(error, 'no such directory');

/**
 * Fails up front (UsageError, one line) when `path` cannot be written: its
 * directory missing or read-only, the path a directory, or a read-only file.
 * Writes nothing: the file is created when the run starts recording.
 */
export async function assertWritable(flag: string, path: string): Promise<void> {
	const full = resolve(path);
	const existing = await stat(full).catch(() => undefined);
	if (existing?.isDirectory()) {
		throw new UsageError(`${flag}: cannot write ${path}: it is a directory`);
	}

	try {
		await access(existing ? full : dirname(full), constants.W_OK);
		if (!existing && !(await stat(dirname(full))).isDirectory()) {
			throw Object.assign(new Error('not a directory'), {code: 'ENOTDIR'});
		}
	} catch (error) {
		throw new UsageError(`${flag}: cannot write ${path}: ${why(error)}`);
	}
}
