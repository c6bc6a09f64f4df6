/** Bad usage or bad input: the CLI prints `message` as one line on stderr and exits 2. */
export class UsageError extends Error {
	override name = 'UsageError';
}

/** The words the CLI uses for a file error's code (one table for --urls, --record, --trace, --export and a failing output). */
const FILE_WHY: Readonly<Record<string, string>> = {
	ENOENT: 'no such file or directory',
	EACCES: 'permission denied',
	EPERM: 'permission denied',
	EISDIR: 'it is a directory',
	ENOTDIR: 'not a directory',
	EROFS: 'read-only file system',
	ENOSPC: 'no space left on device',
	EDQUOT: 'disk quota exceeded',
	EFBIG: 'file too large',
	EPIPE: 'its reader has gone (a closed pipe)',
	EIO: 'input/output error',
};

/** Why a file could not be used, in words (the code itself when the table does not know it). */
export function fileWhy(error: unknown, missing = FILE_WHY.ENOENT!): string {
	const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
	if (code === 'ENOENT') {
		return missing;
	}

	return FILE_WHY[code] ?? (code || (error instanceof Error ? error.message : String(error)));
}
