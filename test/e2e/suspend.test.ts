import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {after, afterEach, test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {childrenOf} from '../helpers/children.js';
import {CLI} from '../helpers/cli.js';
import {killAll, startProgram, startPty, type Pty} from '../helpers/pty.js';
import {assertAllGone, assertSummaryScreen, doneOf, headerMode, linesOf, summaryOf} from './screens.js';

afterEach(killAll);
after(killAll);

const APPEAR_MS = 20_000;
const RUN = ['-m', 'processes', '-p', '2', '-n', '4000', '--latency', '50'];

/** Field 3 of /proc/PID/stat: R, S, T (stopped)… */
function stateOf(pid: number): string {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	return stat.slice(stat.lastIndexOf(')') + 2)[0]!;
}

async function until(what: string, ms: number, check: () => boolean): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		assert.ok(Date.now() < deadline, `not within ${ms} ms: ${what}`);
		await delay(50);
	}
}

/** The dashboard drawn whole: the header on the first line, the key bar on the last. */
const dashboardOn = (screen: string): boolean => headerMode(screen) === 'processes' && /q quit$/.test(linesOf(screen).at(-1)!);

/** An interactive bash (job control on) in a pseudo-terminal: concviz runs as its job, as at a user's prompt. */
async function shell(): Promise<Pty> {
	const sh = startProgram('bash', ['--norc', '--noprofile', '-i'], {cols: 100, rows: 30, env: {PS1: '$ ', HISTFILE: '/dev/null'}});
	await sh.waitFor(/^\$ $/m, 5000);
	return sh;
}

test('Ctrl+Z stops the job (concviz, its lanes, the server) with the terminal handed back; fg redraws the whole frame and the run goes on', async () => {
	const sh = await shell();
	sh.write(`${process.execPath} ${CLI} ${RUN.join(' ')}\r`);
	await sh.waitFor((s) => dashboardOn(s) && doneOf(s) > 0, APPEAR_MS);
	const [pid] = childrenOf(sh.pid);
	assert.ok(pid, 'concviz runs under the shell');
	await until('the server and two lane processes', APPEAR_MS, () => childrenOf(pid).length >= 3);
	const tree = childrenOf(pid);

	const before = sh.raw().length;
	sh.write('\u001A');
	await until('concviz stopped', 5000, () => stateOf(pid) === 'T');
	await until('every process of the job stopped', 5000, () => tree.every((child) => stateOf(child) === 'T'));
	const stopped = await sh.waitFor(/Stopped/, 5000);
	assert.equal(headerMode(stopped), undefined, `the frame was erased for the shell:\n${stopped}`);
	assert.match(linesOf(stopped).findLast((line) => line.trim() !== '')!, /^\$ $/, 'the shell prompts again');
	assert.ok(sh.raw().slice(before).includes('\u001B[?25h'), 'the cursor shown again');

	sh.write('fg\r');
	const back = await sh.waitFor(dashboardOn, 5000);
	assert.notEqual(stateOf(pid), 'T');
	assert.ok(tree.every((child) => stateOf(child) !== 'T'), 'the lanes and the server run again');
	const done = doneOf(back);
	await sh.waitFor((s) => dashboardOn(s) && doneOf(s) > done, APPEAR_MS);

	sh.write('q');
	const end = linesOf(await sh.waitFor(/^processes, io:[^]*^\$ $/m, 5000));
	const summary = end.findIndex((line) => line.startsWith('processes, io:'));
	assertSummaryScreen(end.slice(summary, end.indexOf('$ ', summary)).join('\n'), summaryOf('processes', '4,000'));
	await assertAllGone(tree);
	sh.write('exit\r');
	assert.equal(await sh.waitForExit(5000), 0);
});

test('Ctrl+Z with no shell to stop for (concviz leads its own session): the stop is discarded, the dashboard comes back', async () => {
	const pty = startPty(RUN, {cols: 100, rows: 30});
	await pty.waitFor((s) => dashboardOn(s) && doneOf(s) > 0, APPEAR_MS);
	pty.write('\u001A');
	await delay(300);
	assert.notEqual(stateOf(pty.pid), 'T');
	const done = doneOf(pty.screen());
	await pty.waitFor((s) => dashboardOn(s) && doneOf(s) > done, APPEAR_MS);
});
