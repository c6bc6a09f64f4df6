import type {BusEvent} from '../events/events.js';
import {applyEvents} from './apply-events.js';
import {addCpuSample, cpuPerCoreMean, cpuUtilisation, emptyCpu} from './cpu-history.js';
import {oneComputingPerGil} from './gil-slices.js';
import {closeFrame, laneSnapshot} from './lanes.js';
import {formatCount, formatDecimal} from '../i18n/format.js';
import {createLatency, latencySnapshot} from './latency.js';
import {predict} from '../model/formulas.js';
import {createRateState, rateSnapshot, withSchedule, type RateSnapshot} from './rate.js';
import type {Timetable} from '../schedule/schedule.js';
import {withProcessRss, type ProcessRss} from './rss.js';
import type {ModelSnapshot, RunInfo, RunStatus, Snapshot, StartupCost} from './snapshot.js';
import {endedCount, isOver, isTerminal, pauses, pausedWithin, runClock, type MetricsState} from './state.js';
import {BUCKET_MS, bucketOf, emptyRing, pushCapped, rateBetween, settledBucket, WINDOW_MS} from './throughput.js';
import {finalPoint, rateNow} from './throughput-points.js';
import {createTaskSlices, frameClosed, taskSnapshots} from './task-slices.js';
import {factsOf} from '../config/modes.js';

export {MAX_SLICES} from './lanes.js';
export {HISTORY} from './throughput.js';
export type {MetricsState} from './state.js';

export type MetricsAction =
	/** A new run (status 'starting'); forgets the previous one. */
	| {readonly type: 'run-start'; readonly run: RunInfo; readonly t: number; readonly cores: number}
	/** The pool is up (status 'running'). */
	| {readonly type: 'startup'; readonly startupMs: number; readonly t: number; readonly cost?: StartupCost}
	/** A batch from the bus. */
	| {readonly type: 'events'; readonly events: readonly BusEvent[]}
	/**
	 * Machine utilisation of each core over the last interval, 0..1; with the
	 * RSS of the process that runs the pool (the client is that process plus
	 * its worker processes; in thread modes the threads' samples report it too).
	 */
	| {readonly type: 'cpu'; readonly t: number; readonly perCore: readonly number[]; readonly last?: boolean; readonly main?: ProcessRss}
	/** Close the current lane slice and throughput point (once per UI frame). */
	| {readonly type: 'frame'; readonly t: number}
	| {readonly type: 'status'; readonly status: RunStatus; readonly t: number}
	/** --rate: the schedule started (before any task is handed out). */
	| {readonly type: 'schedule'; readonly table: Timetable};

export type MetricsOptions = {
	/** Apply events in time order this long after they happened (see MetricsState.lagMs); default 0. */
	readonly lagMs?: number;
};

export function initialMetrics(run: RunInfo, t: number, cores: number, options: MetricsOptions = {}): MetricsState {
	return {
		run,
		cores,
		status: 'starting',
		createdAt: t,
		startupMs: null,
		startupAt: null,
		startup: null,
		finishedAt: null,
		firstStartAt: null,
		lastEndAt: null,
		pausedMs: 0,
		pausedAt: null,
		started: 0,
		completed: 0,
		failed: 0,
		cancelled: 0,
		inFlight: 0,
		maxInFlight: 0,
		lanes: new Map(),
		latency: createLatency(),
		taskSlices: createTaskSlices(factsOf(run.mode).lane === 'loop'),
		failures: new Map(),
		ends: emptyRing(),
		throughput: 0,
		throughputHistory: [],
		historyBucket: null,
		historyClosed: false,
		cpu: emptyCpu(cores),
		rssByPid: new Map(),
		peakRssBytes: 0,
		lagMs: options.lagMs ?? 0,
		rate: null,
		pending: [],
	};
}

const byTime = (a: BusEvent, b: BusEvent): number => a.t - b.t;

/**
 * Apply the pending events that happened at or before `cut` (all of them
 * without a cut) in time order. Events of no worker (tasks never handed out,
 * cancelled or failed all at once) touch no lane, so they skip the sort: a
 * cancel of millions of tasks costs one pass.
 */
function settle(state: MetricsState, cut = Number.POSITIVE_INFINITY): MetricsState {
	if (state.pending.length === 0) {
		return state;
	}

	const due: BusEvent[] = [];
	const unassigned: BusEvent[] = [];
	const later: BusEvent[] = [];
	for (const batch of state.pending) {
		for (const event of batch) {
			if (event.t > cut) {
				later.push(event);
			} else if (event.worker < 0) {
				unassigned.push(event);
			} else {
				due.push(event);
			}
		}
	}

	if (due.length === 0 && unassigned.length === 0) {
		return state;
	}

	const rest = {...state, pending: later.length === 0 ? [] : [later]};
	return applyEvents(unassigned.length === 0 ? rest : applyEvents(rest, unassigned), due.sort(byTime));
}

/** One frame: a slice per lane, the current rate and one throughput point (over the last settled second). Once the run is over, one last point, then nothing moves. */
function frame(state: MetricsState, t: number): MetricsState {
	if (isOver(state)) {
		return state.historyClosed || state.firstStartAt === null
			? state
			: {...state, historyClosed: true, throughputHistory: pushCapped(state.throughputHistory, finalPoint(state))};
	}

	const closed = new Map([...state.lanes].map(([worker, lane]) => [worker, closeFrame(lane, t)]));
	const taskSlices = frameClosed(state.taskSlices, t);
	const lanes = state.run.gil === true ? oneComputingPerGil(closed) : closed;
	if (state.firstStartAt === null) {
		return {...state, lanes, taskSlices};
	}

	const first = bucketOf(state.firstStartAt);
	const from = state.historyBucket ?? first;
	const to = settledBucket(t);
	// Each point is a rate over the last second (or the frame, when longer), never a frame's few ends scaled up.
	const span = Math.max(WINDOW_MS / BUCKET_MS, to - from);
	const point = to > from ? rateBetween(state.ends, Math.max(first, to - span), to) : (state.throughputHistory.at(-1) ?? 0);
	return {
		...state,
		lanes,
		taskSlices,
		throughput: rateNow(state, t, first),
		throughputHistory: pushCapped(state.throughputHistory, point),
		historyBucket: Math.max(from, to),
	};
}

/**
 * The metrics reducer: actions in, a new state out. Pure but for the HDR
 * histogram the state owns (see MetricsState): time only comes from actions.
 */
export function reduce(state: MetricsState, action: MetricsAction): MetricsState {
	switch (action.type) {
		case 'run-start': {
			return initialMetrics(action.run, action.t, action.cores, {lagMs: state.lagMs});
		}

		case 'startup': {
			return {...state, startupMs: action.startupMs, startupAt: action.t, startup: action.cost ?? null, status: state.status === 'starting' ? 'running' : state.status};
		}

		case 'events': {
			return state.lagMs > 0 ? {...state, pending: [...state.pending, action.events]} : applyEvents(state, action.events);
		}

		case 'cpu': {
			// Only samples taken while tasks run count into the run's means (not the pool's start-up, not after the end);
			// `last` is the one taken as the last task ended, so that even a run shorter than a frame has one.
			const counted = action.last === true || (state.firstStartAt !== null && !isOver(state));
			const next = {...state, cpu: addCpuSample(state.cpu, action.perCore, counted)};
			return action.main ? {...next, ...withProcessRss(state, action.main)} : next;
		}

		case 'frame': {
			const cut = action.t - state.lagMs;
			return frame(settle(state, cut), cut);
		}

		case 'schedule': {
			return {...state, rate: createRateState(action.table, state.run)};
		}

		case 'status': {
			if (isTerminal(action.status)) {
				state = settle(state);
			}

			const finishedAt = state.finishedAt ?? (isTerminal(action.status) ? action.t : null);
			return {...state, ...pauses(state, action.status, action.t), status: action.status, finishedAt};
		}
	}
}

/** Other work at least this busy (in cores) over a run is named beside the model, which counts on free cores. */
const OTHER_WORK_NOTE_CORES = 0.5;

/**
 * Cores the machine kept busy over the run beyond the client's workers and
 * the embedded server (its calibrated CPU per request times the requests
 * served): other programs, and this process's own UI thread.
 */
function otherWork(state: MetricsState, utilisation: number, client: number, served: number, elapsedMs: number): number {
	const serverMs = state.run.clientCost?.serverMs ?? 0;
	const server = elapsedMs > 0 ? (served * serverMs) / elapsedMs : 0;
	return Math.max(0, utilisation * state.cores - client - server);
}

const otherWorkNote = (cores: number, of: number): Pick<ModelSnapshot, 'note' | 'noteParams'> => ({
	note: 'other work kept {cores} of {of} cores busy (the model counts on free cores)',
	noteParams: {cores: formatDecimal(cores, 1), of: formatCount(of)},
});

/** The model of the run: decided from its configuration and the calibrations before it, so it never changes its mind at the end; with --rate, the schedule's. */
function model(state: MetricsState, measuredLatencyMs: number | undefined, rate: RateSnapshot | undefined): ModelSnapshot {
	const {run} = state;
	const closed = predict({...run, requests: run.requested, cores: state.cores, measuredLatencyMs});
	if (!state.rate || !rate) {
		return closed;
	}

	const scheduled = withSchedule(closed, state.run, state.rate);
	return rate.saturated
		? {...scheduled, note: 'the client fell behind the schedule: {late} sends late with a slot free', noteParams: {late: formatCount(rate.lateSends)}}
		: scheduled;
}

/** A read-only picture of the run at t: plain data, no reference into the state's histogram. */
export function toSnapshot(state: MetricsState, t: number): Snapshot {
	const clock = runClock(state, t);
	const origin = state.firstStartAt ?? state.startupAt;
	const elapsedMs = origin === null ? 0 : Math.max(0, clock - origin);
	const ended = endedCount(state);
	const served = state.completed + state.failed;
	const remaining = Math.max(0, state.run.requested - ended);
	const pausedMs = Math.min(elapsedMs, pausedWithin(state, t));
	const meanThroughput = elapsedMs - pausedMs > 0 ? (served * 1000) / (elapsedMs - pausedMs) : 0;
	const latency = latencySnapshot(state.latency);
	const rate = state.rate ? rateSnapshot(state.rate, state.started, clock, isOver(state)) : undefined;
	// Once over, the run's means: the samples taken after the last task (idle workers, torn-down pools) do not tell the run.
	const final = isOver(state) && state.cpu.samples > 0;
	const lanes = [...state.lanes.values()].sort((a, b) => a.worker - b.worker).map(lane => laneSnapshot(lane, clock, final));
	let runCpuMs = 0;
	for (const lane of state.lanes.values()) {
		runCpuMs += lane.runCpuMs;
	}

	const utilisation = cpuUtilisation(state.cpu);
	const client = final ? (elapsedMs > 0 ? Math.min(state.cores, runCpuMs / elapsedMs) : 0) : lanes.reduce((sum, lane) => sum + lane.cpu, 0);
	const base = model(state, latency.p50 > 0 ? latency.p50 : undefined, rate);
	const other = final ? otherWork(state, utilisation, client, served, elapsedMs) : 0;
	return {
		run: state.run,
		status: state.status,
		t,
		elapsedMs,
		pausedMs,
		startupMs: state.startupMs,
		startup: state.startup,
		started: state.started,
		completed: state.completed,
		failed: state.failed,
		cancelled: state.cancelled,
		inFlight: state.inFlight,
		maxInFlight: state.maxInFlight,
		// Once over, the run's mean (the last frame tells the run), not the rate of a second after the end.
		throughput: isOver(state) ? meanThroughput : state.throughput,
		throughputHistory: isOver(state) && !state.historyClosed && state.firstStartAt !== null ? pushCapped(state.throughputHistory, finalPoint(state)) : state.throughputHistory,
		meanThroughput,
		etaMs: remaining === 0 ? 0 : state.throughput > 0 ? (remaining * 1000) / state.throughput : null,
		latency,
		failures: [...state.failures].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
		cpu: {
			cores: state.cores,
			perCore: final ? cpuPerCoreMean(state.cpu) : state.cpu.perCore,
			history: state.cpu.history,
			utilisation,
			perCoreMean: cpuPerCoreMean(state.cpu),
			client,
			final,
			sampled: isOver(state) ? state.cpu.samples > 0 : (state.cpu.history[0]?.length ?? 0) > 0,
		},
		lanes,
		tasks: taskSnapshots(state.taskSlices, clock, state.createdAt),
		model: other >= OTHER_WORK_NOTE_CORES && base.note === '' ? {...base, ...otherWorkNote(other, state.cores)} : base,
		peakRssBytes: state.peakRssBytes,
		...(rate ? {rate} : {}),
	};
}
