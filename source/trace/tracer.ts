import {factsOf} from '../config/modes.js';
import type {BusEvent, TaskEndEvent} from '../events/events.js';
import type {RunInfo, RunResult, Snapshot} from '../metrics/snapshot.js';
import type {SessionObserver} from '../session/observer.js';
import {laneName, processLabel} from './track-names.js';
import {asyncSlice, completeSlice, counter, instant, micros, processName, threadName, type TraceEvent} from './trace-events.js';
import type {TraceFile} from './trace-file.js';

/** Every task is written up to this many in a file; past it, one in SUBSET_EVERY (see subsetNote). */
export const FULL_TASKS = 200_000;
export const SUBSET_EVERY = 100;

const subsetNote = (): string =>
	`past ${FULL_TASKS.toLocaleString('en-US')} tasks the trace keeps one task in ${SUBSET_EVERY} (ids divisible by ${SUBSET_EVERY}); instants and counters are all kept`;

export type Tracer = SessionObserver & {
	/** Ends the file; resolves with the note to print on stderr when a subset was kept, else undefined. */
	close(): Promise<string | undefined>;
};

type Track = {readonly pid: number; readonly tid: number};
type RunTracks = {readonly info: RunInfo; readonly loop: boolean; readonly pid: number; readonly processes: Set<number>; readonly lanes: Map<number, Track>};

/** What a tracer counts across its runs, and its clock (µs since the origin). */
type Tally = {readonly ts: (t: number) => number; seen: number; written: number};

function workerUp(r: RunTracks, e: Extract<BusEvent, {type: 'worker-up'}>, out: TraceEvent[]): void {
	const pid = r.pid + 1 + e.process;
	if (!r.processes.has(e.process)) {
		r.processes.add(e.process);
		out.push(...processName(pid, `run ${r.info.id} ${r.info.mode} · ${processLabel(r.info.mode, e.process, e.pid)}`, pid));
	}

	const tid = e.worker + 1;
	const sortIndex = factsOf(r.info.mode).label === 'tree' ? e.process * 1000 + e.thread : e.worker;
	out.push(...threadName(pid, tid, laneName(r.info.mode, e), sortIndex));
	r.lanes.set(e.worker, {pid, tid});
}

/** One slice per task: X on a blocking lane, a b/e pair on a loop; past FULL_TASKS, one task in SUBSET_EVERY. */
function taskEnd(r: RunTracks, e: TaskEndEvent, tally: Tally, out: TraceEvent[]): void {
	tally.seen++;
	if (tally.seen > FULL_TASKS && e.task % SUBSET_EVERY !== 0) {
		return;
	}

	tally.written++;
	const track = r.lanes.get(e.worker) ?? {pid: r.pid, tid: 0};
	const args = {task: e.task, outcome: e.outcome, status: e.status, bytes: e.bytes, ...(e.reason === '' ? {} : {reason: e.reason})};
	const slice = {...track, ts: tally.ts(e.t - e.latencyMs), end: tally.ts(e.t), id: `${r.info.id}.${e.task}`, name: `task ${e.task}`, cat: e.outcome, args};
	if (r.loop) {
		out.push(...asyncSlice(slice));
	} else {
		out.push(completeSlice(slice));
	}
}

function traceEvent(r: RunTracks, e: BusEvent, tally: Tally, out: TraceEvent[]): void {
	switch (e.type) {
		case 'worker-up': {
			workerUp(r, e, out);
			break;
		}

		case 'task-end': {
			taskEnd(r, e, tally, out);
			break;
		}

		case 'tasks-end': {
			out.push(instant(`${e.count} tasks ${e.outcome} before a worker had them`, r.pid, tally.ts(e.t), {count: e.count, reason: e.reason}));
			break;
		}

		case 'worker-exit': {
			const track = r.lanes.get(e.worker);
			if (e.code !== 0 && track) {
				out.push(instant('worker died', track.pid, tally.ts(e.t), {worker: e.worker, code: e.code}, track.tid));
			}

			break;
		}

		default:
	}
}

/**
 * The --trace consumer of the event bus: turns each run's events into trace
 * events as they arrive and streams them to the file (nothing is kept per
 * task). Tracks: per run, one trace process for the run's counters and
 * instants, then one per OS process of the pool, a thread track per lane in
 * the screen's order. Counters come from the frames' snapshots, whose
 * in-flight and throughput are settled `lagMs` behind the frame. Pids are synthetic (run·1000 + 1 + process index), so
 * the runs of a compare stay apart in one file; the OS pid is in the name.
 */
export function createTracer(file: TraceFile, origin: number, lagMs = 0): Tracer {
	let run: RunTracks | undefined;
	const runs: Array<Record<string, unknown>> = [];
	const tally: Tally = {ts: (t: number): number => micros(t - origin), seen: 0, written: 0};
	const {ts} = tally;

	return {
		runStarted(info, t) {
			run = {info, loop: !usesBlockingLanes(info), pid: info.id * 1000, processes: new Set(), lanes: new Map()};
			const {mode, work, requested} = info;
			file.write([
				...processName(run.pid, `run ${info.id} ${mode} · ${work} · n=${requested} · ${info.target}`, run.pid),
				instant(`mode ${mode}`, run.pid, ts(t), {...info}),
			]);
		},
		events(events) {
			if (!run) {
				return;
			}

			const out: TraceEvent[] = [];
			for (const e of events) {
				traceEvent(run, e, tally, out);
			}

			file.write(out);
		},
		frame(snapshot: Snapshot) {
			if (!run || snapshot.run.id !== run.info.id) {
				return;
			}

			// CPU is sampled at the frame; in-flight and throughput are settled up to the frame minus the metrics' lag.
			const settled = ts(Math.max(snapshot.t - lagMs, origin));
			const cpu = Object.fromEntries(snapshot.cpu.perCore.map((u, i) => [`cpu${i}`, Math.round(u * 1000) / 10]));
			file.write([
				counter('cpu %', run.pid, ts(snapshot.t), cpu),
				counter('requests in flight', run.pid, settled, {'in flight': snapshot.inFlight}),
				counter('throughput req/s', run.pid, settled, {'req/s': Math.round(snapshot.throughput * 10) / 10}),
			]);
		},
		paused(paused, t) {
			if (run) {
				file.write([instant(paused ? 'pause' : 'resume', run.pid, ts(t))]);
			}
		},
		runEnded(result: RunResult | undefined, t) {
			if (!run) {
				return;
			}

			const {id, mode} = run.info;
			const totals = result ? {completed: result.completed, failed: result.failed, cancelled: result.cancelled, wallMs: result.wallMs} : {};
			file.write([instant(`run ${id} ${mode} ${result ? 'ended' : 'could not complete'}`, run.pid, ts(t), totals)]);
			runs.push({id, mode, processes: run.processes.size, lanes: run.lanes.size, ...totals});
			run = undefined;
		},
		async close() {
			const subset = tally.seen > FULL_TASKS ? subsetNote() : null;
			await file.close({tool: 'concviz', origin: new Date(origin).toISOString(), runs, tasks: {seen: tally.seen, written: tally.written}, subset});
			return subset ?? undefined;
		},
	};
}

const usesBlockingLanes = (info: RunInfo): boolean => factsOf(info.mode).lane === 'blocking';
