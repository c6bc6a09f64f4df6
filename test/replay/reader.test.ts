import {test} from 'node:test';
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {writeFileSync} from 'node:fs';
import {mkdtemp, readFile, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {readSave, SaveError} from '../../source/replay/reader.js';
import {replayResults} from '../../source/replay/replay-json.js';
import {writeSmallSave} from '../helpers/save.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-reader-'));
const good = await writeSmallSave(join(dir, 'good.cvz'), 2);
const bytes = await readFile(good);
let n = 0;
const fileOf = async (content: Uint8Array | string): Promise<string> => {
	const path = join(dir, `f${++n}.cvz`);
	await writeFile(path, content);
	return path;
};

/** Read and fold as `replay --json` does: what it found, or the one line it refused with (anything else thrown fails the test). */
function tryReplay(path: string): {results: number; unfinished: number; cut: boolean} | {refused: string} {
	try {
		const recording = readSave(path);
		const {results, unfinished} = replayResults(recording);
		return {results: results.length, unfinished, cut: recording.end === null};
	} catch (error) {
		assert.ok(error instanceof SaveError, `not a SaveError: ${error instanceof Error ? error.stack : String(error)}`);
		assert.doesNotMatch(error.message, /\n/);
		return {refused: error.message};
	}
}

test('a saved session reads back whole: its runs, their results, its end', () => {
	const recording = readSave(good);
	assert.equal(recording.runs.length, 2);
	assert.notEqual(recording.end, null);
	assert.equal(recording.header.command, 'run');
	const {results, unfinished} = replayResults(recording);
	assert.equal(unfinished, 0);
	assert.deepEqual(results.map(r => [r.mode, r.completed, r.failed, r.cancelled, r.startupMs]), [['threads', 39, 1, 0, 12.5], ['sequential', 39, 1, 0, 12.5]]);
	assert.deepEqual(results[0]!.failures, {'status 500': 1});
});

test('bad files are refused in one line each: missing, a directory, empty, not a save, a newer version, corrupt', async () => {
	const cases: Array<[string, RegExp]> = [
		[join(dir, 'missing.cvz'), /^replay: cannot read .*missing\.cvz: no such file or directory$/],
		[dir, /: it is a directory$/],
		[await fileOf(''), /is empty: nothing to replay$/],
		[await fileOf('{"traceEvents": []}\n'), /is not a concviz save file$/],
		[await fileOf(Buffer.concat([Buffer.from('concviz save 2\n'), bytes.subarray(15)])), /was saved by a newer concviz \(save version 2; this one reads 1\)$/],
		[await fileOf(Buffer.from(bytes).fill(0x55, 200, 210)), /is corrupt at byte \d+/],
		[await fileOf('concviz sa'), /was cut short before its first run: nothing to replay$/],
	];
	for (const [path, why] of cases) {
		const got = tryReplay(path);
		assert.ok('refused' in got, `${path} was read`);
		assert.match(got.refused, why);
	}
});

test('a file cut at every offset replays up to where it ends and says it was cut, or refuses in one line', () => {
	let ended = 0;
	for (let cut = 0; cut < bytes.length; cut++) {
		const path = join(dir, 'cut.cvz');
		// Written synchronously: the loop is over thousands of offsets.
		writeFileSync(path, bytes.subarray(0, cut));
		const got = tryReplay(path);
		if ('refused' in got) {
			assert.match(got.refused, /cut short before its first run|is empty/, `cut at ${cut}`);
			continue;
		}

		assert.equal(got.cut, true, `cut at ${cut}`);
		assert.ok(got.results >= ended, `cut at ${cut}: fewer results than a shorter cut`);
		ended = got.results;
	}

	assert.equal(ended, 2);
});

test('fuzz: random bytes, with and without the first line, and random damage never throw anything but a one-line refusal', async () => {
	for (let i = 0; i < 300; i++) {
		const noise = randomBytes(Math.floor(Math.random() * 3000));
		const damaged = Buffer.from(bytes);
		for (let k = 0; k < 1 + (i % 4); k++) {
			damaged[Math.floor(Math.random() * damaged.length)] = Math.floor(Math.random() * 256);
		}

		for (const content of [noise, Buffer.concat([Buffer.from('concviz save 1\n'), noise]), damaged]) {
			tryReplay(await fileOf(content));
		}
	}
});
