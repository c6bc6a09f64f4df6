import {factsOf, inFlightOf} from '../config/modes.js';
import {dueBy, intendedAt, LATE_MS, type Timetable} from '../schedule/schedule.js';
import {formatDuration} from '../i18n/format.js';
import {createLatency, latencySnapshot, recordLatency, type LatencyRecorder} from './latency.js';
import type {Latency, ModelSnapshot, RunInfo} from './snapshot.js';

/**
 * What the reducer keeps of an open-model run (--rate): the timetable, late
 * starts, and the service time (from the actual send) in its own HDR
 * histogram, owned and recorded into in place like the latency one. The
 * run's latency histogram then counts from each task's intended start: the
 * delay is counted once, from the schedule, with no after-the-fact
 * correction on top.
 */
export type RateState = {
	readonly table: Timetable;
	/** Requests the pool can have in flight at once (1, P, W, P·Th, C, P·C). */
	readonly capacity: number;
	/** Tasks sent more than LATE_MS after their intended start. */
	readonly late: number;
	/** …of which sent more than LATE_MS after both their intended start and a slot of the pool fell free: the client itself fell behind. */
	readonly lateWithRoom: number;
	/** Since when the pool has had a free slot; null while every slot is busy. */
	readonly roomSince: number | null;
	readonly lastStartAt: number | null;
	readonly service: LatencyRecorder;
};

export type RateSnapshot = {
	/** --rate R, requests/s. */
	readonly target: number;
	/** Tasks sent per second of the schedule so far. */
	readonly achieved: number;
	readonly late: number;
	/** Due and not yet sent. */
	readonly backlog: number;
	/** From the actual send; the snapshot's `latency` counts from the intended start. */
	readonly service: Latency;
	/** Sends late though the pool had a free slot: the client's own loop (or the machine) was too busy. */
	readonly lateSends: number;
	/** …enough of them to say the client itself cannot keep up. */
	readonly saturated: boolean;
};

/** The client is said to fall behind once this many sends, and this share of them, were late with a free slot. */
const SATURATED_MIN = 5;
const SATURATED_SHARE = 0.05;

const capacityOf = (run: RunInfo): number => Math.max(1, Math.min(inFlightOf(factsOf(run.mode), run), run.requested));

export const createRateState = (table: Timetable, run: RunInfo): RateState => ({
	table, capacity: capacityOf(run), late: 0, lateWithRoom: 0, roomSince: table.t0, lastStartAt: null, service: createLatency(),
});

/** A task was sent at t with `inFlight` others in flight. */
export function rateStarted(rate: RateState, task: number, t: number, inFlight: number): RateState {
	const intended = intendedAt(rate.table, task);
	const late = t - intended > LATE_MS;
	const clientLate = late && rate.roomSince !== null && t - Math.max(intended, rate.roomSince) > LATE_MS;
	return {
		...rate,
		late: rate.late + (late ? 1 : 0),
		lateWithRoom: rate.lateWithRoom + (clientLate ? 1 : 0),
		roomSince: inFlight + 1 >= rate.capacity ? null : rate.roomSince,
		lastStartAt: rate.lastStartAt === null ? t : Math.max(rate.lastStartAt, t),
	};
}

/** A task ended at t, leaving `inFlight` in flight: a slot may have fallen free. */
export const rateEnded = (rate: RateState, t: number, inFlight: number): RateState =>
	rate.roomSince === null && inFlight < rate.capacity ? {...rate, roomSince: t} : rate;

/** A task that got an answer ended at t after `serviceMs` on the wire: records both times (mutates the histograms). */
export function rateRecorded(rate: RateState, latency: LatencyRecorder, task: number, t: number, serviceMs: number): void {
	recordLatency(latency, t - intendedAt(rate.table, task));
	recordLatency(rate.service, serviceMs);
}

/** Sent tasks per second of schedule: started / (time of the last send, or now, − t0 + 1/R); exactly R when every send is on time. */
export function rateSnapshot(rate: RateState, started: number, clock: number, over: boolean): RateSnapshot {
	const {table} = rate;
	const until = over || started >= table.requests ? (rate.lastStartAt ?? clock) : clock;
	const span = until - table.t0 + 1000 / table.rate;
	const lateShare = started === 0 ? 0 : rate.lateWithRoom / started;
	return {
		target: table.rate,
		achieved: started > 0 && span > 0 ? (started * 1000) / span : 0,
		late: rate.late,
		backlog: over ? 0 : Math.max(0, dueBy(table, clock) - started),
		service: latencySnapshot(rate.service),
		lateSends: rate.lateWithRoom,
		saturated: rate.lateWithRoom >= SATURATED_MIN && lateShare >= SATURATED_SHARE,
	};
}

/** The schedule bounds the run's time when it is longer than the closed model's prediction: (n − 1)/R + T. */
export function withSchedule(model: ModelSnapshot, run: RunInfo, rate: RateState): ModelSnapshot {
	const t = Number.isFinite(run.latencyMs) ? run.latencyMs : 0;
	const ms = ((run.requested - 1) * 1000) / rate.table.rate + t;
	if (!(ms > model.predictedMs)) {
		return model;
	}

	const tText = Number.isFinite(run.latencyMs) ? ` + ${formatDuration(t)}` : '';
	const term = {ms, symbol: '(n−1)/R + T', numbers: `${run.requested - 1}/${rate.table.rate}/s${tText}`};
	return {...model, predictedMs: ms, formula: `${term.symbol} = ${term.numbers} = ${formatDuration(ms)}`, bound: 'rate', rate: term};
}
