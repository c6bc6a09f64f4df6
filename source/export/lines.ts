/** One line of a file: its text (UTF-8 decoded, bad bytes as U+FFFD), its number from 1, and whether a newline ended it. */
export type Line = {readonly text: string; readonly number: number; readonly terminated: boolean};

const NEWLINE = 0x0A;

/**
 * The lines of a byte stream, a chunk's worth at a time, never holding more
 * than one chunk and the line being read: a line longer than `maxBytes` calls
 * `tooLong` (which throws) as soon as it is, before it is all read. A newline
 * byte is never part of a longer UTF-8 character, so lines are split as bytes.
 */
export async function* linesOf(chunks: AsyncIterable<Buffer>, maxBytes: number, tooLong: (number: number) => never): AsyncGenerator<Line[]> {
	let parts: Buffer[] = [];
	let partBytes = 0;
	let number = 1;
	for await (const chunk of chunks) {
		const lines: Line[] = [];
		let start = 0;
		for (let end = chunk.indexOf(NEWLINE); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
			if (partBytes + end - start > maxBytes) {
				tooLong(number);
			}

			const piece = chunk.subarray(start, end);
			const bytes = parts.length === 0 ? piece : Buffer.concat([...parts, piece]);
			lines.push({text: bytes.toString('utf8'), number: number++, terminated: true});
			parts = [];
			partBytes = 0;
			start = end + 1;
		}

		if (start < chunk.length) {
			parts.push(chunk.subarray(start));
			partBytes += chunk.length - start;
			if (partBytes > maxBytes) {
				tooLong(number);
			}
		}

		yield lines;
	}

	if (partBytes > 0) {
		yield [{text: Buffer.concat(parts).toString('utf8'), number, terminated: false}];
	}
}

/** The same lines of a text held whole (the tests' recordings). */
export function linesOfText(text: string): Line[] {
	const texts = text.split('\n');
	const last = texts.pop()!;
	const lines = texts.map((line, i) => ({text: line, number: i + 1, terminated: true}));
	return last === '' ? lines : [...lines, {text: last, number: texts.length + 1, terminated: false}];
}
