import type {Mode} from '../config/config.js';

/** Modes whose lanes live in child processes (one OS process per pool process). */
export const usesProcesses = (mode: Mode): boolean =>
	mode === 'processes' || mode === 'processes-threads' || mode === 'processes-async';

/** A trace process's name: the pool process, or the main process that runs the threads. */
export const processLabel = (mode: Mode, process: number, pid: number): string =>
	usesProcesses(mode) ? `p${process} (pid ${pid})` : `main process (pid ${pid})`;

/** A lane's track name, as the screen labels it: main, loop, t3, p1, p1 loop, p0 t2. */
export function laneName(mode: Mode, lane: {worker: number; process: number; thread: number}): string {
	switch (mode) {
		case 'sequential': {
			return 'main';
		}

		case 'async': {
			return 'loop';
		}

		case 'threads': {
			return `t${lane.worker}`;
		}

		case 'processes': {
			return `p${lane.process}`;
		}

		case 'processes-threads': {
			return `p${lane.process} t${lane.thread}`;
		}

		case 'processes-async': {
			return `p${lane.process} loop`;
		}
	}
}
