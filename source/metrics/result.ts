import {round} from '../i18n/format.js';
import type {ClientCost} from '../model/client-cost.js';
import type {Latency, ModelTerm, ModelTermResult, RateSnapshot, RunResult, Snapshot} from './snapshot.js';

export type Calibration = {readonly cpuMs: number; readonly units: number; readonly unitsPerMs: number};

export type ResultExtras = {
	readonly startupMs: number;
	/** cpu/mixed runs: the kernel calibration they used. */
	readonly calibration?: Calibration;
	/** io/mixed runs on the embedded server: the client's calibrated CPU per request. */
	readonly clientCost?: ClientCost;
	/** First task handed out → last task ended; the snapshot's elapsed time (frozen at the last end) when absent. */
	readonly wallMs?: number;
};

const ms = (value: number): number => round(value, 1);
const percentiles = (l: Latency): RunResult['latencyMs'] => ({p50: ms(l.p50), p90: ms(l.p90), p99: ms(l.p99), max: ms(l.max)});

/** --rate: service time beside the latency, and the schedule against what was sent. */
const rateFields = (rate: RateSnapshot, answered: boolean): Pick<RunResult, 'serviceMs' | 'rate'> => ({
	serviceMs: answered ? percentiles(rate.service) : {p50: null, p90: null, p99: null, max: null},
	rate: {target: rate.target, achieved: round(rate.achieved, 1), late: rate.late},
});
const ratio = (value: number): number => round(value, 3);
const cost = (value: number): number => round(value, 4);

const termOf = (term: ModelTerm | null): ModelTermResult | null =>
	term ? {ms: ms(term.ms), formula: `${term.symbol} = ${term.numbers}`} : null;

/**
 * The JSON result (docs/json.md), fields in its order, from the run's final
 * snapshot. Times in ms to 0.1, ratios to 3 decimals. requestsPerSecond
 * counts requests that got an answer (completed + failed) over the wall
 * time less the paused time: cancelled tasks were not served. A prediction that could not be
 * made (T unknown) is NaN, which JSON writes as null.
 */
export function toResult(snapshot: Snapshot, extras: ResultExtras): RunResult {
	const wallMs = extras.wallMs ?? snapshot.elapsedMs;
	const served = snapshot.completed + snapshot.failed;
	const pausedMs = Math.min(wallMs, snapshot.pausedMs);
	const measured = snapshot.latency.count > 0;
	const percentile = (value: number): number | null => (measured ? ms(value) : null);
	const result: RunResult = {
		mode: snapshot.run.mode,
		runtime: snapshot.run.runtime ?? 'node',
		...(snapshot.run.runtime === 'python' ? {gil: snapshot.run.pythonGil ?? 'real'} : {}),
		work: snapshot.run.work,
		requested: snapshot.run.requested,
		completed: snapshot.completed,
		failed: snapshot.failed,
		cancelled: snapshot.cancelled,
		wallMs: ms(wallMs),
		pausedMs: ms(pausedMs),
		predictedMs: ms(snapshot.model.predictedMs),
		bound: snapshot.model.bound,
		model: {latency: termOf(snapshot.model.latency), cpu: termOf(snapshot.model.cpu)},
		requestsPerSecond: wallMs - pausedMs > 0 ? round((served * 1000) / (wallMs - pausedMs), 1) : 0,
		latencyMs: {
			p50: percentile(snapshot.latency.p50),
			p90: percentile(snapshot.latency.p90),
			p99: percentile(snapshot.latency.p99),
			max: percentile(snapshot.latency.max),
		},
		failures: Object.fromEntries(snapshot.failures),
		cpu: {
			cores: snapshot.cpu.cores,
			utilisation: snapshot.cpu.sampled ? ratio(snapshot.cpu.utilisation) : null,
			perCore: snapshot.cpu.perCoreMean.map(v => (snapshot.cpu.sampled ? ratio(v) : null)),
		},
		workers: snapshot.lanes.map(lane => ({id: lane.worker, tasks: lane.tasks, busyRatio: ratio(lane.busyRatio)})),
		maxInFlight: snapshot.maxInFlight,
		startupMs: ms(extras.startupMs),
		startup: snapshot.startup && {...snapshot.startup, perWorkerMs: ms(snapshot.startup.perWorkerMs)},
		peakRssBytes: Math.round(snapshot.peakRssBytes),
	};
	const client = extras.clientCost;
	const withClient: RunResult = client
		? {...result, clientCost: {requestMs: cost(client.requestMs), connectMs: cost(client.connectMs), loopMs: cost(client.loopMs), serverMs: cost(client.serverMs), mainMs: cost(client.mainMs), waitMs: client.waitMs === undefined ? null : cost(client.waitMs), pilot: client.pilot ?? null, burst: client.burst ? {...client.burst, wallMs: ms(client.burst.wallMs), rampMs: ms(client.burst.rampMs), ...(client.burst.waitMs === undefined ? {} : {waitMs: ms(client.burst.waitMs)})} : null}}
		: result;
	const rated = snapshot.rate ? {...withClient, ...rateFields(snapshot.rate, served > 0)} : withClient;
	return extras.calibration === undefined
		? rated
		: {
			...rated,
			calibration: {
				cpuMs: extras.calibration.cpuMs,
				units: extras.calibration.units,
				unitsPerMs: extras.calibration.unitsPerMs,
			},
		};
}
