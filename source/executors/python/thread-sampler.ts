/**
 * Lanes from the kernel, not from Python: each Python lane thread's CPU and
 * its state are read from /proc/<pid>/task/<tid>/ (stat: its name, which the
 * lane sets to cz-io, cz-cpu or cz-idle; schedstat: ns on a CPU and ns
 * waiting for one), so sampling needs no GIL. In CPU work, the time a thread
 * was neither on a CPU nor waiting for one it was blocked: waiting for the
 * GIL, the real one.
 */
import {readFileSync} from 'node:fs';
import {now, type BusEvent, type WorkerState} from '../../events/events.js';

export const TICK_MS = 25;
/** Samples (CPU, utilisation, memory) every this many ticks, as Node's lanes sample (100 ms). */
const SAMPLE_EVERY = 4;
const PAGE_BYTES = 4096;
/** A part of a window shorter than this is not drawn as a state of its own, ms. */
const MIN_PART_MS = 1;

const STATE_OF_NAME: Readonly<Record<string, WorkerState>> = {'cz-idle': 'idle', 'cz-io': 'io', 'cz-cpu': 'computing'};

type Reading = {readonly t: number; readonly runMs: number; readonly waitMs: number; readonly name: string};

type Tracked = {
	readonly worker: number;
	readonly pid: number;
	readonly tid: number;
	/** A loop lane: it reports its own states; the sampler gives its utilisation. */
	readonly loop: boolean;
	last: Reading;
	state: WorkerState | undefined;
	cpuMs: number;
	busyMs: number;
	spanMs: number;
	ticks: number;
};

/** A thread's name and its CPU so far, or undefined when it is gone. */
export function readThread(pid: number, tid: number): Reading | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'latin1');
		const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
		const [run = '0', wait = '0'] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'latin1').split(' ');
		return {t: now(), runMs: Number(run) / 1e6, waitMs: Number(wait) / 1e6, name};
	} catch {
		return undefined;
	}
}

function rssOf(pid: number): number {
	try {
		return Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]) * PAGE_BYTES;
	} catch {
		return 0;
	}
}

/**
 * A window of a blocking lane as states: its name's state, and in CPU work the
 * part spent neither on a CPU nor waiting for one as `gil`, after the part computing.
 */
export function statesOf(from: Reading, to: Reading): Array<{t: number; state: WorkerState}> {
	const state = STATE_OF_NAME[to.name];
	if (!state) {
		return [];
	}

	if (state !== 'computing') {
		return [{t: from.t, state}];
	}

	const span = to.t - from.t;
	const onOrReady = Math.min(span, Math.max(0, to.runMs - from.runMs) + Math.max(0, to.waitMs - from.waitMs));
	const parts: Array<{t: number; state: WorkerState}> = [];
	if (onOrReady >= MIN_PART_MS) {
		parts.push({t: from.t, state: 'computing'});
	}

	if (span - onOrReady >= MIN_PART_MS) {
		parts.push({t: from.t + onOrReady, state: 'gil'});
	}

	return parts;
}

export type ThreadSampler = {
	track(worker: number, pid: number, tid: number, loop: boolean): void;
	forget(worker: number): void;
	stop(): void;
};

/** Every TICK_MS: states of blocking lanes; every SAMPLE_EVERY ticks, a sample of each lane (cpuMs, utilisation, RSS). */
export function createThreadSampler(emit: (events: BusEvent[]) => void, inFlight: (worker: number) => number): ThreadSampler {
	const lanes = new Map<number, Tracked>();
	const tick = (): void => {
		const events: BusEvent[] = [];
		for (const lane of lanes.values()) {
			const reading = readThread(lane.pid, lane.tid);
			if (!reading) {
				lanes.delete(lane.worker);
				continue;
			}

			sampleLane(lane, reading, events);
		}

		if (events.length > 0) {
			emit(events);
		}
	};

	const timer = setInterval(tick, TICK_MS);
	timer.unref();
	const sampleLane = (lane: Tracked, reading: Reading, events: BusEvent[]): void => {
		const run = Math.max(0, reading.runMs - lane.last.runMs);
		lane.cpuMs += run;
		lane.spanMs += reading.t - lane.last.t;
		lane.busyMs += run;
		if (!lane.loop) {
			for (const part of statesOf(lane.last, reading)) {
				if (part.state !== lane.state) {
					lane.state = part.state;
					events.push({type: 'state', worker: lane.worker, t: part.t, state: part.state});
				}
			}
		}

		lane.last = reading;
		if (++lane.ticks % SAMPLE_EVERY === 0) {
			const elu = lane.spanMs > 0 ? Math.min(1, lane.busyMs / lane.spanMs) : 0;
			events.push({type: 'sample', worker: lane.worker, t: reading.t, cpuMs: lane.cpuMs, elu, inFlight: inFlight(lane.worker), rssBytes: rssOf(lane.pid)});
			lane.cpuMs = 0;
			lane.busyMs = 0;
			lane.spanMs = 0;
		}
	};

	return {
		track(worker, pid, tid, loop) {
			const last = readThread(pid, tid);
			if (last) {
				lanes.set(worker, {worker, pid, tid, loop, last, state: undefined, cpuMs: 0, busyMs: 0, spanMs: 0, ticks: 0});
			}
		},
		forget(worker) {
			lanes.delete(worker);
		},
		stop() {
			clearInterval(timer);
		},
	};
}
