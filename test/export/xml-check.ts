import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {delimiter, join} from 'node:path';
import {promisify} from 'node:util';
import {XMLValidator} from 'fast-xml-parser';

/** A program on PATH, if there is one (chromium, xmllint). */
export function findProgram(...names: string[]): string | undefined {
	for (const folder of (process.env['PATH'] ?? '').split(delimiter)) {
		for (const name of names) {
			if (existsSync(join(folder, name))) {
				return join(folder, name);
			}
		}
	}

	return undefined;
}

/** A character XML 1.0 forbids (its Char production): C0 controls but tab, LF and CR; U+FFFE, U+FFFF; lone surrogates. */
export const XML_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * The file is well-formed XML: valid UTF-8, no character XML forbids, and
 * fast-xml-parser's validator accepts it (which checks tags, not characters);
 * xmllint too when it is installed. Returns whether xmllint checked it.
 */
export async function assertWellFormedXml(path: string): Promise<boolean> {
	const bytes = await readFile(path);
	const text = new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	const bad = XML_FORBIDDEN.exec(text);
	assert.equal(bad, null, `a character XML forbids: U+${bad?.[0].codePointAt(0)?.toString(16).toUpperCase()} at ${bad?.index}`);
	assert.equal(XMLValidator.validate(text), true);
	const xmllint = findProgram('xmllint');
	if (xmllint) {
		await promisify(execFile)(xmllint, ['--noout', path]);
	}

	return xmllint !== undefined;
}
