import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {describe, test} from 'node:test';
import {waitForExit} from '../helpers/processes.js';
import {withServer} from '../helpers/server.js';
import {harness, reasons, runToEnd} from './harness.js';

const failing = await withServer({latency: 20, failRate: 0.5});

describe('failures', () => {
	test('--fail-rate 0.5: failures counted as status 500, the sum holds', async () => {
		const h = harness('async', failing.url);
		try {
			const {totals} = await runToEnd(h);
			assert.ok(totals.failed > 0, 'no failure');
			assert.equal(totals.completed + totals.failed, 40);
			assert.deepEqual([...reasons(h.events)], [['status 500', totals.failed]]);
		} finally {
			await h.executor.close();
		}
	});

	for (const mode of ['processes', 'processes-threads'] as const) {
		test(`${mode}: child processes exit by themselves within 2 s when their parent is killed -9`, async () => {
			const script = fileURLToPath(new URL('fixtures/orphan-parent.js', import.meta.url));
			const parent = spawn(process.execPath, [script, mode], {stdio: ['ignore', 'pipe', 'inherit']});
			try {
				const [line] = await Promise.race([
					once(parent.stdout, 'data') as Promise<[Buffer]>,
					delay(10_000).then(() => {
						throw new Error('the parent script printed no pids');
					}),
				]);
				const pids = JSON.parse(String(line)) as number[];
				assert.equal(pids.length, 2);
				parent.kill('SIGKILL');
				await once(parent, 'exit');
				const gone = await Promise.all(pids.map(async pid => waitForExit(pid, 2500)));
				assert.deepEqual(gone, [true, true]);
			} finally {
				parent.kill('SIGKILL');
			}
		});
	}
});
