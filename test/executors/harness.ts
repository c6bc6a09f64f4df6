import {readdirSync, readFileSync} from 'node:fs';
import {createEventBus} from '../../source/events/bus.js';
import type {Mode} from '../../source/config/config.js';
import type {BusEvent, TaskEndEvent} from '../../source/events/events.js';
import {createExecutor, type PoolExecutor} from '../../source/executors/create-executor.js';
import type {ExecutorOptions, RunTotals} from '../../source/executors/executor.js';
import type {WorkloadSpec} from '../../source/workloads/workload.js';

export type Recording = {
	readonly events: BusEvent[];
	/** bus.receive calls (batches from workers). */
	receives: number;
};

export type Harness = Recording & {
	readonly executor: PoolExecutor;
	readonly options: ExecutorOptions;
};

export const SMALL = {requests: 40, workers: 2, threads: 2, concurrency: 10} as const;

/** An executor of `mode` on a bus that records every event and counts batches. */
export function harness(mode: Mode, baseUrl: string, overrides: Partial<Omit<ExecutorOptions, 'workload'>> & {workload?: Partial<Omit<WorkloadSpec, 'connections'>>} = {}): Harness {
	const bus = createEventBus();
	const recording: Recording = {events: [], receives: 0};
	const receive = bus.receive.bind(bus);
	bus.receive = batch => {
		recording.receives++;
		receive(batch);
	};

	bus.subscribe(events => {
		for (const event of events) {
			recording.events.push(event);
		}
	});
	const {workload, ...rest} = overrides;
	const options: ExecutorOptions = {
		mode,
		...SMALL,
		gil: false,
		...rest,
		workload: {work: 'io', target: {kind: 'generated', baseUrl}, timeout: 5000, cpuUnits: 0, ...workload},
		bus,
	};
	return Object.assign(recording, {executor: createExecutor(options), options});
}

export async function runToEnd(h: Harness): Promise<{startupMs: number; totals: RunTotals}> {
	const {startupMs} = await h.executor.start();
	const totals = await h.executor.run();
	return {startupMs, totals};
}

export const ofType = <T extends BusEvent['type']>(events: readonly BusEvent[], type: T): Array<Extract<BusEvent, {type: T}>> =>
	events.filter((event): event is Extract<BusEvent, {type: T}> => event.type === type);

/** Largest number of tasks in flight at once, replaying task-start / task-end in time order. */
export function maxInFlight(events: readonly BusEvent[]): number {
	const edges: Array<[number, number]> = [];
	const started = new Set<number>();
	for (const event of events) {
		if (event.type === 'task-start') {
			started.add(event.task);
			edges.push([event.t, 1]);
		}
	}

	for (const event of events) {
		if (event.type === 'task-end' && started.has(event.task)) {
			edges.push([event.t, -1]);
		}
	}

	// Ends before starts at the same instant.
	edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	let now = 0;
	let max = 0;
	for (const [, delta] of edges) {
		now += delta;
		max = Math.max(max, now);
	}

	return max;
}

/** task id → number of task-end events. */
export function endsPerTask(events: readonly BusEvent[]): Map<number, number> {
	const ends = new Map<number, number>();
	for (const event of ofType(events, 'task-end')) {
		ends.set(event.task, (ends.get(event.task) ?? 0) + 1);
	}

	return ends;
}

/** Tasks ended in bulk, never handed out (tasks-end events), by outcome. */
export function bulkEnds(events: readonly BusEvent[]): Map<string, number> {
	const ends = new Map<string, number>();
	for (const event of ofType(events, 'tasks-end')) {
		ends.set(event.outcome, (ends.get(event.outcome) ?? 0) + event.count);
	}

	return ends;
}

export function endsPerWorker(events: readonly BusEvent[]): Map<number, number> {
	const ends = new Map<number, number>();
	for (const event of ofType(events, 'task-end')) {
		ends.set(event.worker, (ends.get(event.worker) ?? 0) + 1);
	}

	return ends;
}

export const reasons = (events: readonly BusEvent[]): Map<string, number> => {
	const counts = new Map<string, number>();
	for (const event of ofType(events, 'task-end') as TaskEndEvent[]) {
		if (event.outcome === 'failed') {
			counts.set(event.reason, (counts.get(event.reason) ?? 0) + 1);
		}
	}

	return counts;
};

/** Pids of this process's live (not zombie) children, from /proc. */
export function childPids(): number[] {
	const pids: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) {
			continue;
		}

		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (Number(ppid) === process.pid && state !== 'Z') {
				pids.push(Number(entry));
			}
		} catch {
			// Gone meanwhile.
		}
	}

	return pids;
}
