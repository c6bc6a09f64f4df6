import type {Mode} from '../config/config.js';
import {factsOf} from '../config/modes.js';

/** Modes whose lanes live in child processes (one OS process per pool process). */
const usesProcesses = (mode: Mode): boolean => factsOf(mode).pool === 'processes';

/** A trace process's name: the pool process, or the main process that runs the threads. */
export const processLabel = (mode: Mode, process: number, pid: number): string =>
	usesProcesses(mode) ? `p${process} (pid ${pid})` : `main process (pid ${pid})`;

/** A lane's track name, as the screen labels it: main, loop, t3, p1, p1 loop, p0 t2. */
export function laneName(mode: Mode, lane: {worker: number; process: number; thread: number}): string {
	const facts = factsOf(mode);
	switch (facts.label) {
		case 'main':
		case 'loop': {
			return facts.label;
		}

		case 'thread': {
			return `t${lane.worker}`;
		}

		case 'process': {
			return facts.lane === 'loop' ? `p${lane.process} loop` : `p${lane.process}`;
		}

		case 'tree': {
			return `p${lane.process} t${lane.thread}`;
		}
	}
}
