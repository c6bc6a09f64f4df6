import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {runCli} from '../helpers/cli.js';

const dir = await mkdtemp(join(tmpdir(), 'concviz-url-files-'));
after(async () => rm(dir, {recursive: true, force: true}));
const fifo = join(dir, 'urls.fifo');
execFileSync('mkfifo', [fifo]);

// Refused before anything is read: a hang or a read without end would run into the timeout.
for (const [path, message] of [
	['/dev/zero', /^concviz: --urls: \/dev\/zero is a device, not a file: save the URLs to one$/],
	['/dev/urandom', /^concviz: --urls: \/dev\/urandom is a device, not a file: save the URLs to one$/],
	[fifo, /^concviz: --urls: .*urls\.fifo is a pipe \(FIFO\), not a file: save the URLs to one$/],
] as const) {
	test(`--urls ${path === fifo ? 'a FIFO with no writer' : path} -n 2 --json: exit 2, one line, within seconds`, async () => {
		const {code, stdout, stderr} = await runCli(['--urls', path, '-n', '2', '--json'], {timeoutMs: 15_000});
		assert.equal(code, 2, stderr);
		assert.equal(stdout, '');
		assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
		assert.match(stderr.trimEnd(), message);
	});
}
