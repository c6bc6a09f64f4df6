import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import {HELP} from '../source/cli/help.js';

const root = new URL('../../', import.meta.url);
const read = async (path: string): Promise<string> => readFile(new URL(path, root), 'utf8');

/** README.md and every docs/*.md, as paths from the repository's root. */
async function markdownFiles(): Promise<string[]> {
	const docs = await readdir(new URL('docs/', root));
	return ['README.md', ...docs.filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];
}

/** The lines outside fenced code blocks. */
function prose(text: string): string[] {
	let fenced = false;
	return text.split('\n').filter((line) => {
		if (line.startsWith('```')) {
			fenced = !fenced;
			return false;
		}

		return !fenced;
	});
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(text: string): Set<string> {
	const seen = new Map<string, number>();
	const result = new Set<string>();
	for (const line of prose(text)) {
		const heading = /^#{1,6} (.+)$/.exec(line)?.[1];
		if (heading === undefined) {
			continue;
		}

		const slug = heading.trim().toLowerCase().replaceAll(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replaceAll(' ', '-');
		const count = seen.get(slug) ?? 0;
		seen.set(slug, count + 1);
		result.add(count === 0 ? slug : `${slug}-${count}`);
	}

	return result;
}

/** The relative link targets of a file's prose (images too), without web addresses. */
function relativeLinks(text: string): string[] {
	const targets = prose(text).flatMap((line) => [...line.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!));
	return targets.filter((target) => !/^[a-z][a-z+.-]*:/i.test(target));
}

test("docs/usage.md's Usage section is the --help text, word for word", async () => {
	const usage = /## Usage\n\n```\n([\s\S]*?)\n```/.exec(await read('docs/usage.md'))?.[1];
	assert.equal(usage, HELP.trim());
});

test('the README gives the install-and-start and the test commands', async () => {
	const readme = await read('README.md');
	assert.match(readme, /npm install && npm start/);
	assert.match(readme, /npm test/);
});

test('the README is at most 150 lines', async () => {
	const lines = (await read('README.md')).split('\n').length - 1;
	assert.ok(lines <= 150, `README.md has ${lines} lines`);
});

test('every relative link in README.md and docs/*.md points to a file, and an anchor to a heading in it', async () => {
	const broken: string[] = [];
	let checked = 0;
	for (const file of await markdownFiles()) {
		for (const target of relativeLinks(await read(file))) {
			checked++;
			const [path = '', anchor] = target.split('#');
			const url = path === '' ? new URL(file, root) : new URL(path, new URL(file, root));
			if (!existsSync(url)) {
				broken.push(`${file}: ${target} (no such file)`);
			} else if (anchor !== undefined && !anchors(await readFile(url, 'utf8')).has(anchor)) {
				broken.push(`${file}: ${target} (no such heading)`);
			}
		}
	}

	assert.deepEqual(broken, []);
	assert.ok(checked >= 10, `only ${checked} links found`);
});

test('the anchors are the ones GitHub gives', () => {
	const text = '# concviz — usage\n## Giving the talk: `concviz tour`\n## For engineers: `--rate` (an open model)\n```\n# not a heading\n```\n## Usage\n## Usage';
	assert.deepEqual([...anchors(text)], ['concviz--usage', 'giving-the-talk-concviz-tour', 'for-engineers---rate-an-open-model', 'usage', 'usage-1']);
});
