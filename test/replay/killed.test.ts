import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {statSync} from 'node:fs';
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {setTimeout as sleep} from 'node:timers/promises';
import {readSave} from '../../source/replay/reader.js';
import {foldRun} from '../../source/replay/replay-json.js';
import {CLI, runCli} from '../helpers/cli.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-killed-'));
const size = (path: string): number => {
	try {
		return statSync(path).size;
	} catch {
		return 0;
	}
};

test('a run killed with SIGKILL mid-save replays up to where its file ends, and says it was cut', async () => {
	const save = join(dir, 'killed.cvz');
	const child = spawn(process.execPath, [CLI, '-m', 'threads', '-n', '100000', '--latency', '20', '-p', '2', '--json', '--save', save], {stdio: 'ignore'});
	const deadline = Date.now() + 60_000;
	while (size(save) < 4000 && Date.now() < deadline) {
		await sleep(100);
	}

	child.kill('SIGKILL');
	await once(child, 'exit');
	const recording = readSave(save);
	assert.equal(recording.end, null);
	const fold = foldRun(recording, recording.runs[0]!);
	assert.equal(fold.result, null);
	assert.ok(fold.state.completed > 0, 'nothing of the run was kept');
	const replayed = await runCli(['replay', save, '--json']);
	assert.equal(replayed.code, 2);
	assert.match(replayed.stderr, /^concviz: replay: .*killed\.cvz was cut short in its run 1 \(threads\): 0 of 1 runs have a result\n$/);
});
