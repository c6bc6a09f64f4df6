import assert from 'node:assert/strict';
import {waitForExit} from '../helpers/processes.js';
import type {Pty, PtyExit} from '../helpers/pty.js';

/** Lines of a screen. */
export const linesOf = (screen: string): string[] => screen.split('\n');

/** The screen's lines joined into one paragraph (Ink wraps at word boundaries). */
export const paragraph = (screen: string): string =>
	linesOf(screen)
		.map((line) => line.trim())
		.filter(Boolean)
		.join(' ');

/** Tasks ended so far, from the header's progress line (`25/2,000  1%`). */
export function doneOf(screen: string): number {
	const match = /(\d[\d,]*)\/\d[\d,]*\s+\d+%/.exec(linesOf(screen)[1] ?? '');
	assert.ok(match, `no progress figure on the header's second line:\n${screen}`);
	return Number(match[1]!.replaceAll(',', ''));
}

/** The mode badge on the header's first line (`concviz  threads  io · …` or ` threads  io …`). */
export function headerMode(screen: string): string | undefined {
	const first = linesOf(screen)[0] ?? '';
	return /^(?:concviz\s+)?\s*(sequential|processes-threads|processes-async|processes|threads|async)\s/.exec(first)?.[1];
}

/** Requests in flight now, from the requests panel (`in flight  50  peak 50`). */
export function inFlightOf(screen: string): number | undefined {
	const match = /in flight\s+(\d[\d,]*)\s+peak\s+\d/.exec(screen);
	return match ? Number(match[1]!.replaceAll(',', '')) : undefined;
}

/** The rows of the lanes panel: from the `lanes ──` heading to the legend (exclusive). */
export function laneArea(screen: string): string[] {
	const lines = linesOf(screen);
	const start = lines.findIndex((line) => /^lanes ─/.test(line));
	const legend = lines.findIndex((line, i) => i > start && /█ computing|█ cpu/.test(line));
	return start === -1 || legend === -1 ? [] : lines.slice(start + 1, legend);
}

/** The glyphs of lane states drawn in the lanes panel. */
export function laneGlyphs(screen: string): Set<string> {
	const glyphs = new Set<string>();
	for (const line of laneArea(screen)) {
		for (const ch of line) {
			if ('█░▒▓·×'.includes(ch)) {
				glyphs.add(ch);
			}
		}
	}

	return glyphs;
}

export const LEGEND = /█ computing\s+░ waiting on I\/O\s+▒ waiting for the GIL\s+▓ (?:computing and GIL wait|cpu\+GIL)\s+· idle\s+× dead/;

/** The summary paragraph the dashboard leaves behind (plain.ts formatSummaryParagraph). */
export const summaryOf = (mode: string, requested: string): RegExp =>
	new RegExp(
		`^${mode}, io: [\\d,]+/${requested} done \\([\\d,]+ failed, [\\d,]+ cancelled\\) in \\S+(?: \\(\\S+ paused not counted\\))?, predicted \\S+ \\(.+\\); \\S+ req/s, p50 \\S+, p99 \\S+; CPU \\d+% of \\d+ cores?; start-up \\S+(?:; [^;]+)?\\.$`,
	);

/**
 * The summary stays on screen as one paragraph at the top: no blank line inside it,
 * nothing after it (no echoed keys, no leftovers of the dashboard).
 */
export function assertSummaryScreen(screen: string, expected: RegExp): void {
	const lines = linesOf(screen);
	const firstBlank = lines.findIndex((line) => line.trim() === '');
	const body = firstBlank === -1 ? lines : lines.slice(0, firstBlank);
	assert.ok(body.length > 0, `no summary on the final screen:\n${screen}`);
	assert.match(body.map((line) => line.trim()).join(' '), expected, `the final screen:\n${screen}`);
	const after = firstBlank === -1 ? [] : lines.slice(firstBlank).filter((line) => line.trim() !== '');
	assert.deepEqual(after, [], `text after the summary paragraph:\n${screen}`);
}

const ESC = '\u001B';

/**
 * The terminal is left as it was found: the cursor is shown after the last hide, every private
 * mode switched on (bracketed paste, mouse, alternate screen…) is switched off again,
 * synchronized output is closed, no keyboard-protocol push is left, and no caret notation
 * (`^[`, `^C`: what a terminal echoes outside raw mode) is on the screen.
 */
export function assertTerminalRestored(raw: string, screen: string): void {
	const lastHide = raw.lastIndexOf(`${ESC}[?25l`);
	const lastShow = raw.lastIndexOf(`${ESC}[?25h`);
	assert.ok(lastHide !== -1, 'the cursor was never hidden');
	assert.ok(lastShow > lastHide, 'the cursor is not shown again after the last hide');

	const lastSet = new Map<string, number>();
	const lastReset = new Map<string, number>();
	for (const match of raw.matchAll(/\u001B\[\?([\d;]+)([hl])/g)) {
		for (const mode of match[1]!.split(';')) {
			(match[2] === 'h' ? lastSet : lastReset).set(mode, match.index);
		}
	}

	for (const [mode, at] of lastSet) {
		if (mode === '25') {
			continue;
		}

		assert.ok((lastReset.get(mode) ?? -1) > at, `private mode ?${mode} set and never reset`);
	}

	const pushes = raw.match(/\u001B\[>\d*u/g)?.length ?? 0;
	const pops = raw.match(/\u001B\[<\d*u/g)?.length ?? 0;
	assert.ok(pops >= pushes, `keyboard protocol pushed ${pushes}× and popped ${pops}×`);
	assert.doesNotMatch(screen, /\^\[|\^C|\u001B/, `caret notation or a raw escape on the screen:\n${screen}`);
}

/** After the program has gone, every process once seen under it is gone too. */
export async function assertAllGone(pids: readonly number[]): Promise<void> {
	// A process reaped by init a moment after its parent exits is not a leak: a short grace.
	const left = [];
	for (const pid of pids) {
		if (!(await waitForExit(pid, 500))) {
			left.push(pid);
		}
	}

	assert.deepEqual(left, [], 'processes outlived concviz');
}

/** The program's exit, or a failure (with the screen) when it takes longer than `ms`. */
export async function exitWithin(pty: Pty, ms: number, what: string): Promise<PtyExit> {
	let timer: NodeJS.Timeout | undefined;
	const late = new Promise<'late'>((resolve) => {
		timer = setTimeout(() => resolve('late'), ms);
	});
	const exit = await Promise.race([pty.exited, late]);
	clearTimeout(timer);
	assert.ok(exit !== 'late', `concviz did not exit within ${ms} ms of ${what}; the screen:\n${pty.screen()}`);
	await pty.flush();
	return exit;
}

/** Quit with `q`: exit code 0 within `ms`. */
export async function quit(pty: Pty, ms = 2000): Promise<void> {
	pty.write('q');
	const exit = await exitWithin(pty, ms, 'q');
	assert.equal(exit.exitCode, 0, 'exit code after q');
	assert.ok(!exit.signal, `killed by signal ${exit.signal}`);
}
