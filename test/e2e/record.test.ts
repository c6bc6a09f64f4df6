import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, test} from 'node:test';
import xterm from '@xterm/headless';
import {TERMINAL_COLOURS, headerTheme} from '../../source/config/terminal-colours.js';
import {killAll, startPty} from '../helpers/pty.js';
import {assertAllGone, assertSummaryScreen, assertTerminalRestored, headerMode, linesOf, quit, summaryOf} from './screens.js';

const {Terminal} = xterm;

let dir: string | undefined;
afterEach(killAll);
after(async () => {
	await killAll();
	if (dir) {
		await rm(dir, {recursive: true, force: true});
	}
});

/** Write `data` into a headless terminal and wait until it has been parsed. */
const feed = (terminal: InstanceType<typeof Terminal>, data: string): Promise<void> =>
	new Promise((resolve) => {
		terminal.write(data, resolve);
	});

function screenOf(terminal: InstanceType<typeof Terminal>): string {
	const buffer = terminal.buffer.active;
	const lines: string[] = [];
	for (let y = 0; y < terminal.rows; y++) {
		lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
	}

	return lines.join('\n');
}

test('--record writes an asciicast v2 file that replays to the summary, with the resize in it', async () => {
	dir = await mkdtemp(join(tmpdir(), 'concviz-record-'));
	const file = join(dir, 'run.cast');
	const started = Math.floor(Date.now() / 1000);
	const pty = startPty(['--record', file, '-n', '40', '--latency', '20'], {cols: 80, rows: 24});
	await pty.waitFor((s) => headerMode(s) === 'sequential' && /✓ done/.test(linesOf(s)[0]!) && /40\/40\s+100%/.test(s), 30_000);

	// One resize during the recording, then back, so the replay at the header's size ends as the terminal did.
	pty.resize(100, 30);
	await pty.waitFor((s) => linesOf(s).length === 30 && linesOf(s).some((line) => [...line].length > 80), 5000);
	pty.resize(80, 24);
	await pty.waitFor((s) => linesOf(s).length === 24 && headerMode(s) === 'sequential' && /✓ done/.test(linesOf(s)[0]!), 5000);

	await quit(pty);
	await assertAllGone(pty.seenDescendants());
	const live = pty.screen();
	const summary = summaryOf('sequential', '40');
	assertSummaryScreen(live, summary);
	assertTerminalRestored(pty.raw(), live);

	const text = await readFile(file, 'utf8');
	assert.ok(text.endsWith('\n'), 'the file ends with a newline');
	const [head, ...rest] = text.slice(0, -1).split('\n');
	const header = JSON.parse(head!) as Record<string, unknown>;
	assert.equal(header['version'], 2);
	assert.equal(header['width'], 80);
	assert.equal(header['height'], 24);
	assert.deepEqual(header['theme'], headerTheme(TERMINAL_COLOURS.dark), 'the theme’s terminal colours (dark by default)');
	assert.equal(typeof header['timestamp'], 'number');
	assert.ok(Number.isInteger(header['timestamp']), 'timestamp in whole seconds');
	assert.ok(
		(header['timestamp'] as number) >= started - 1 && (header['timestamp'] as number) <= Math.ceil(Date.now() / 1000),
		`timestamp ${String(header['timestamp'])} is the time of the recording`,
	);

	const events = rest.map((line, i) => {
		const event = JSON.parse(line) as unknown;
		assert.ok(Array.isArray(event) && event.length === 3, `line ${i + 2} is a 3-element array: ${line}`);
		const [time, kind, data] = event as [unknown, unknown, unknown];
		assert.equal(typeof time, 'number', `line ${i + 2}: time`);
		assert.ok(kind === 'o' || kind === 'r' || kind === 'm', `line ${i + 2}: kind ${String(kind)}`);
		assert.equal(typeof data, 'string', `line ${i + 2}: data`);
		return {time: time as number, kind, data: data as string};
	});
	assert.ok(events.length > 2, 'output was recorded');
	assert.ok(events[0]!.time >= 0);
	for (let i = 1; i < events.length; i++) {
		assert.ok(events[i]!.time >= events[i - 1]!.time, `times do not decrease at event ${i}: ${events[i - 1]!.time} then ${events[i]!.time}`);
	}

	assert.deepEqual(events.filter((e) => e.kind === 'm').map((e) => e.data), ['sequential'], 'one marker: the mode it ran');
	const resizes = events.filter((e) => e.kind === 'r').map((e) => e.data);
	assert.ok(resizes.includes('100x30'), `an "r" event for the resize: ${JSON.stringify(resizes)}`);
	assert.equal(resizes.at(-1), '80x24', 'and one for the way back');
	for (const r of resizes) {
		assert.match(r, /^\d+x\d+$/);
	}

	const output = events.filter((e) => e.kind === 'o').map((e) => e.data).join('');
	assert.ok(output.lastIndexOf('\u001B[?25h') > output.lastIndexOf('\u001B[?25l'), 'the recording ends with the cursor shown');

	const terminal = new Terminal({cols: header['width'] as number, rows: header['height'] as number, allowProposedApi: true});
	try {
		for (const event of events) {
			if (event.kind === 'o') {
				await feed(terminal, event.data);
			}
		}

		const replayed = screenOf(terminal);
		assertSummaryScreen(replayed, summary);
		assert.equal(replayed, live, 'the replay ends on the screen the terminal showed');
	} finally {
		terminal.dispose();
	}
});
