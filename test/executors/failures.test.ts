import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {describe, test} from 'node:test';
import {waitForExit} from '../helpers/processes.js';
import {withServer} from '../helpers/server.js';
import {endsPerTask, harness, ofType, reasons, runToEnd} from './harness.js';

const server = await withServer({latency: 50});
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

	test('a child process killed mid-run: the run goes on, its tasks fail or are requeued, worker-exit is emitted', async () => {
		const h = harness('processes', server.url);
		try {
			await h.executor.start();
			const victim = ofType(h.events, 'worker-up').find(event => event.worker === 0)!;
			const run = h.executor.run();
			await delay(275);
			process.kill(victim.pid, 'SIGKILL');
			const totals = await run;
			assert.equal(totals.completed + totals.failed + totals.cancelled, 40);
			assert.ok(totals.completed >= 30, JSON.stringify(totals));
			const exit = ofType(h.events, 'worker-exit').find(event => event.worker === 0);
			assert.equal(exit?.code, 137);
			const died = reasons(h.events).get('worker died') ?? 0;
			assert.equal(totals.failed, died);
			const ends = endsPerTask(h.events);
			assert.ok(ends.size === 40 && [...ends.values()].every(count => count === 1));
			// The survivor carried on after the death.
			assert.ok(ofType(h.events, 'task-end').some(event => event.worker === 1 && event.t > exit!.t));
			assert.ok(h.executor.workers()[0]!.dead);
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
