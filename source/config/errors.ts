/** Bad usage or bad input: the CLI prints `message` as one line on stderr and exits 2. */
export class UsageError extends Error {
	override name = 'UsageError';
}
