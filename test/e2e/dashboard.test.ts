import assert from 'node:assert/strict';
import {after, afterEach, describe, test} from 'node:test';
import {setTimeout as delay} from 'node:timers/promises';
import {descendants} from '../helpers/cli.js';
import {killAll, startPty} from '../helpers/pty.js';
import {
	LEGEND,
	assertAllGone,
	assertSummaryScreen,
	assertTerminalRestored,
	doneOf,
	exitWithin,
	headerMode,
	inFlightOf,
	laneArea,
	laneGlyphs,
	linesOf,
	quit,
	summaryOf,
} from './screens.js';

/** Waits on screens are generous (a loaded 2-core machine); the product's own limits are kept as they are. */
const APPEAR_MS = 20_000;
const MODES = ['sequential', 'processes', 'threads', 'processes-threads', 'async', 'processes-async'] as const;

afterEach(killAll);
after(killAll);

/** The figure at the end of a lane's main row (its task count), e.g. `t0   ░░░░    12`. */
function laneTasks(screen: string, label: string): number | undefined {
	const line = linesOf(screen).find((l) => l.startsWith(`${label} `));
	const match = line ? /\s(\d[\d,]*)$/.exec(line) : null;
	return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
}

describe('the live dashboard in a pseudo-terminal', () => {
	test('threads at 80×24: lanes, legend and counts; 5 switches to async with many requests in flight; q quits cleanly', async () => {
		const pty = startPty(['-m', 'threads', '-p', '2', '-n', '2000', '--latency', '100', '-c', '50'], {cols: 80, rows: 24});
		const recorded = new Set<number>();
		const record = async (): Promise<void> => {
			for (const pid of await descendants(pty.pid)) {
				recorded.add(pid);
			}
		};

		const threads = await pty.waitFor(
			(s) => headerMode(s) === 'threads' && LEGEND.test(s) && (laneTasks(s, 't0') ?? 0) > 0 && laneTasks(s, 't1') !== undefined,
			APPEAR_MS,
		);
		assert.match(linesOf(threads)[0]!, /W=2/, 'the header shows the workers');
		assert.ok(doneOf(threads) > 0, `a task count > 0 in the header:\n${threads}`);
		assert.deepEqual(
			laneArea(threads).flatMap((l) => /^(t\d+) /.exec(l)?.[1] ?? []),
			['t0', 't1'],
			`one lane per thread, in order:\n${threads}`,
		);
		await record();
		assert.ok(recorded.size > 0, 'the embedded server runs as a child process');

		pty.write('5');
		// "Within a couple of frames" (10 fps): one second leaves room for a loaded machine.
		await pty.waitFor((s) => headerMode(s) === 'async', 1000);
		const busy = await pty.waitFor((s) => (inFlightOf(s) ?? 0) > 1, APPEAR_MS);
		assert.match(linesOf(busy)[0]!, /C=50/, 'the header shows the concurrency');
		assert.ok(laneArea(busy).some((l) => l.startsWith('loop ')), `one event-loop lane:\n${busy}`);
		assert.ok(inFlightOf(busy)! <= 50, `no more than C in flight:\n${busy}`);
		await record();

		await quit(pty);
		await assertAllGone([...recorded, ...pty.seenDescendants()]);
		const final = pty.screen();
		assertSummaryScreen(final, summaryOf('async', '2,000'));
		assertTerminalRestored(pty.raw(), final);
	});

	test('processes × threads at 160×48: lanes grouped by process; ? toggles help; space pauses and resumes', async () => {
		const pty = startPty(['-m', 'processes-threads', '-p', '2', '--threads', '2', '-n', '2000', '--latency', '100'], {cols: 160, rows: 48});
		const labelsOf = (s: string): string[] =>
			laneArea(s).flatMap((line) => {
				const match = /^(p\d+)?\s*([┬├└─])(t\d+)\b/.exec(line);
				return match ? [`${match[1] ?? ''}${match[2]}${match[3]}`] : [];
			});
		const grouped = ['p0┬t0', '└t1', 'p1┬t0', '└t1'];
		const lanes = await pty.waitFor((s) => headerMode(s) === 'processes-threads' && labelsOf(s).length === 4 && doneOf(s) > 0, APPEAR_MS);
		assert.deepEqual(labelsOf(lanes), grouped, `lanes grouped under their process:\n${lanes}`);
		assert.match(linesOf(lanes)[0]!, /P=2 × Th=2/);
		assert.match(lanes, LEGEND);

		pty.write('?');
		const help = await pty.waitFor((s) => /^keys ─/m.test(s), 5000);
		assert.match(help, /^what to look for ─/m);
		for (const words of ['switch mode', 'pause / resume', 'compare all modes', 'GIL on/off', 'this help (again to close)', 'quit (Ctrl+C too)']) {
			assert.ok(help.includes(words), `the help lists "${words}":\n${help}`);
		}

		for (const [i, mode] of MODES.entries()) {
			assert.match(help, new RegExp(`^[▸ ]${i + 1} ${mode} `, 'm'), `the help explains ${mode}`);
		}

		assert.match(help, /^▸4 processes-threads /m, 'the current mode is marked');
		assert.equal(laneArea(help).length, 0, 'the help replaces the lanes');

		pty.write('?');
		const back = await pty.waitFor((s) => !/^keys ─/m.test(s) && labelsOf(s).length === 4, 5000);
		assert.deepEqual(labelsOf(back), grouped);

		pty.write(' ');
		const paused = await pty.waitFor((s) => /paused: no new tasks are handed out \(space resumes\)/.test(s), 5000);
		assert.match(linesOf(paused)[0]!, /‖ paused/, `the header says paused:\n${paused}`);
		// Tasks already handed out still end; after that the count stands still.
		let before = doneOf(pty.screen());
		for (let settled = 0; settled < 2; ) {
			await delay(400);
			const now = doneOf(pty.screen());
			settled = now === before ? settled + 1 : 0;
			before = now;
		}

		await delay(1000);
		const still = pty.screen();
		assert.equal(doneOf(still), before, `no task ends while paused:\n${still}`);
		assert.match(still, /paused: no new tasks/);

		pty.write(' ');
		const resumed = await pty.waitFor((s) => doneOf(s) > before && !/paused: no new tasks/.test(s), APPEAR_MS);
		assert.match(linesOf(resumed)[0]!, /▸ running/);

		await quit(pty);
		await assertAllGone(pty.seenDescendants());
		assertSummaryScreen(pty.screen(), summaryOf('processes-threads', '2,000'));
		assert.match(pty.screen(), / in \S+ \(\S+ paused not counted\), predicted /, 'the summary leaves the pause out of the measured time, and says so');
		assertTerminalRestored(pty.raw(), pty.screen());
	});

	test('a terminal below 60×16 shows one line asking for room; the dashboard comes back when it grows', async () => {
		const pty = startPty(['-m', 'threads', '-p', '2', '-n', '2000', '--latency', '100'], {cols: 80, rows: 24});
		await pty.waitFor((s) => headerMode(s) === 'threads' && LEGEND.test(s), APPEAR_MS);

		pty.resize(50, 12);
		const small = await pty.waitFor((s) => /concviz needs at least 60×16 — now 50×12/.test(s), 5000);
		const shown = linesOf(small).filter((line) => line.trim() !== '');
		assert.deepEqual(shown, ['concviz needs at least 60×16 — now 50×12'], `one line only:\n${small}`);

		pty.resize(80, 24);
		const again = await pty.waitFor((s) => headerMode(s) === 'threads' && LEGEND.test(s) && laneArea(s).length > 0, 5000);
		assert.doesNotMatch(again, /needs at least/);
		assert.ok(linesOf(again).every((line) => [...line].length <= 80), 'nothing wider than the terminal');

		await quit(pty);
		assertTerminalRestored(pty.raw(), pty.screen());
	});

	test('NO_COLOR: no colour escape codes at all, the lanes still tell states apart by glyph', async () => {
		const pty = startPty(['-m', 'threads', '-p', '2', '-w', 'mixed', '--cpu-ms', '50', '--latency', '50', '-n', '2000'], {
			cols: 80,
			rows: 24,
			env: {NO_COLOR: '1'},
		});
		const screen = await pty.waitFor((s) => LEGEND.test(s) && laneGlyphs(s).has('█') && laneGlyphs(s).has('░'), APPEAR_MS);
		assert.deepEqual(
			laneArea(screen).flatMap((l) => /^(t\d+) /.exec(l)?.[1] ?? []),
			['t0', 't1'],
		);
		await quit(pty);

		const colours: string[] = [];
		for (const match of pty.raw().matchAll(/\u001B\[([\d;:]*)m/g)) {
			const params = match[1]!.split(/[;:]/).map(Number);
			if (params.some((p) => (p >= 30 && p <= 49) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107))) {
				colours.push(JSON.stringify(match[0]));
			}
		}

		assert.deepEqual(colours, [], 'SGR colour codes written with NO_COLOR set');
		assertTerminalRestored(pty.raw(), pty.screen());
	});

	test('SIGTERM mid-run: exits 0 within 2 s, every worker process gone, the cursor shown again', async () => {
		const pty = startPty(['-m', 'processes', '-p', '2', '-n', '2000', '--latency', '100'], {cols: 80, rows: 24});
		const running = await pty.waitFor((s) => headerMode(s) === 'processes' && (laneTasks(s, 'p0') ?? 0) > 0 && (laneTasks(s, 'p1') ?? 0) > 0, APPEAR_MS);
		assert.ok(doneOf(running) < 2000, 'still running');
		const tree = await descendants(pty.pid);
		assert.ok(tree.length >= 3, `the server and two worker processes run under concviz: ${tree.join(', ')}`);

		process.kill(pty.pid, 'SIGTERM');
		const exit = await exitWithin(pty, 2000, 'SIGTERM');
		// dashboard.ts turns SIGTERM into a quit and returns 0, so the exit is a normal one.
		assert.equal(exit.exitCode, 0);
		assert.ok(!exit.signal, `killed by signal ${exit.signal}`);
		await assertAllGone([...tree, ...pty.seenDescendants()]);
		assertSummaryScreen(pty.screen(), summaryOf('processes', '2,000'));
		assertTerminalRestored(pty.raw(), pty.screen());
	});

	test('c runs every mode and ends with a leaderboard on one scale', async () => {
		const pty = startPty(['-n', '8', '--latency', '20', '-p', '2', '--threads', '2', '-c', '4'], {cols: 80, rows: 24});
		await pty.waitFor((s) => headerMode(s) === 'sequential', APPEAR_MS);
		pty.write('c');
		const board = await pty.waitFor((s) => /^compare ─+ all 6 done$/m.test(s), 40_000);
		assert.match(board, /^ {2}mode +wall time, one scale +req\/s/m);
		assert.match(linesOf(board)[0]!, /compare\s+✓ done/, `the header says the comparison is over:\n${board}`);

		const parse = (text: string): number => {
			const m = /^(?:(\d+)m(\d\d)s|([\d.]+)s|(\d+)ms)$/.exec(text);
			assert.ok(m, `a duration: ${text}`);
			return m[1] ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : m[3] ? Number(m[3]) * 1000 : Number(m[4]);
		};

		const rows = MODES.map((mode) => {
			const line = linesOf(board).find((l) => new RegExp(`^[▸★ ] ${mode} `).test(l));
			assert.ok(line, `a row for ${mode}:\n${board}`);
			const match = new RegExp(`^([▸★ ]) ${mode} +([█▉▊▋▌▍▎▏]*) (\\S+)`).exec(line);
			assert.ok(match, `a bar and a wall time for ${mode}: ${line}`);
			const bar = [...match[2]!].reduce((sum, ch) => sum + (ch === '█' ? 1 : (' ▏▎▍▌▋▊▉'.indexOf(ch)) / 8), 0);
			return {mode, star: match[1] === '★', bar, wallMs: parse(match[3]!)};
		});
		const order = linesOf(board)
			.flatMap((l) => /^[▸★ ] (\S+) /.exec(l)?.[1] ?? [])
			.filter((m) => (MODES as readonly string[]).includes(m));
		assert.deepEqual(order, [...MODES], 'every mode, in order, once');

		// One scale: each bar is its wall time over the longest one, the longest bar being the longest time.
		const longest = Math.max(...rows.map((r) => r.wallMs));
		const widest = Math.max(...rows.map((r) => r.bar));
		for (const row of rows) {
			assert.ok(
				Math.abs(row.bar / widest - row.wallMs / longest) <= 0.06,
				`${row.mode}: bar ${row.bar} of ${widest} for ${row.wallMs} of ${longest} ms\n${board}`,
			);
		}

		const fastest = rows.filter((r) => r.star);
		assert.equal(fastest.length, 1, 'one fastest mode is starred');
		assert.equal(fastest[0]!.wallMs, Math.min(...rows.map((r) => r.wallMs)));

		await quit(pty);
		await assertAllGone(pty.seenDescendants());
		// The leaderboard stays after q, one line per mode (wall, req/s, predicted), above the last run's paragraph.
		const left = linesOf(pty.screen());
		assert.deepEqual(left.slice(0, MODES.length).map((line) => /^(\S+)\s+\S+\s+\S+ req\/s {2}predicted \S+$/.exec(line)?.[1]), [...MODES], pty.screen());
		assertSummaryScreen(left.slice(MODES.length).join('\n'), summaryOf('processes-async', '8'));
		assertTerminalRestored(pty.raw(), pty.screen());
	});
});
