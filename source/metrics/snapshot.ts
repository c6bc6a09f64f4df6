import type {TaskSnapshot} from './task-slices.js';
import type {ClientCost} from '../model/client-cost.js';
import type {Mode, RunConfig, Work} from '../config/config.js';
import type {RateSnapshot} from './rate.js';
import type {ModelSnapshot, ModelTerm} from '../model/prediction.js';
import type {RunInfo, StartupCost} from '../model/run-info.js';

export type {RateSnapshot} from './rate.js';
export type {ModelSnapshot, ModelTerm} from '../model/prediction.js';
export type {RunInfo, StartupCost} from '../model/run-info.js';

/**
 * A lane slice: what the worker mostly did during one frame. 'split': a slice in which the lane computed part of the time and waited for the GIL the rest, neither clearly dominant.
 */
export type LaneState = 'computing' | 'io' | 'gil' | 'split' | 'idle' | 'dead';
/** The states a lane is in at an instant ('split' only describes a slice). */
export type InstantState = Exclude<LaneState, 'split'>;

export type LaneSnapshot = {
	readonly worker: number;
	/** Process index in the pool (processes-threads groups lanes by it). */
	readonly process: number;
	/** Thread index inside its process. */
	readonly thread: number;
	readonly pid: number;
	/** Oldest first; the last one is the slice in progress. At most MAX_SLICES long. */
	readonly slices: readonly LaneState[];
	readonly state: LaneState;
	/** Tasks this worker ended. */
	readonly tasks: number;
	readonly inFlight: number;
	/** Share of its run time spent on tasks (computing + io + gil), 0..1. */
	readonly busyRatio: number;
	/** Event-loop utilisation over the last sample, 0..1 (null before the first sample). */
	readonly elu: number | null;
	/** CPU the worker used over the last sample, as a share of one core, 0..1+. */
	readonly cpu: number;
};

export type Latency = {
	readonly p50: number;
	readonly p90: number;
	readonly p99: number;
	readonly max: number;
	readonly mean: number;
	/** Latencies recorded (0: nothing measured, and the percentiles mean nothing). */
	readonly count: number;
	/** More percentiles for a chart: [percentile, ms], p50 to p99.9. */
	readonly ladder?: readonly (readonly [number, number])[];
};

export type CpuSnapshot = {
	readonly cores: number;
	/** Utilisation of each core over the last frame, 0..1 (whole machine, from os.cpus()). */
	readonly perCore: readonly number[];
	/** Per core, the last HISTORY values, oldest first. */
	readonly history: readonly (readonly number[])[];
	/** Mean machine utilisation over the run so far, 0..1. */
	readonly utilisation: number;
	/** Mean utilisation of each core over the run so far, 0..1. */
	readonly perCoreMean: readonly number[];
	/** The client's own CPU (all workers, not the embedded server) over the last frame, in cores (0..cores). */
	readonly client: number;
	/** The run is over: perCore and client are then the run's means, not the last samples. */
	readonly final: boolean;
	/** A sample tells these figures: false before the first one, and at the end of a run none was taken during (then unknown, never 0%). */
	readonly sampled: boolean;
};

export type RunStatus = 'starting' | 'running' | 'paused' | 'cancelling' | 'done' | 'cancelled' | 'failed';

const TERMINAL: ReadonlySet<RunStatus> = new Set(['done', 'cancelled', 'failed']);

/** The run is over: done, cancelled or failed. */
export const isTerminal = (status: RunStatus): boolean => TERMINAL.has(status);

/** Tasks by where they stand: started, ended by outcome, in flight now and at most. */
export type TaskCounts = {
	readonly started: number;
	readonly completed: number;
	readonly failed: number;
	readonly cancelled: number;
	/** Tasks started and not yet ended, summed over the lanes. */
	readonly inFlight: number;
	readonly maxInFlight: number;
};

/** Tasks that have ended, whatever the outcome. */
export const endedCount = (counts: Pick<TaskCounts, 'completed' | 'failed' | 'cancelled'>): number =>
	counts.completed + counts.failed + counts.cancelled;

export type Snapshot = TaskCounts & {
	readonly run: RunInfo;
	readonly status: RunStatus;
	/** Clock time of this snapshot, epoch ms. */
	readonly t: number;
	/** Since the first task was handed out (0 before). */
	readonly elapsedMs: number;
	/** Of elapsedMs, the time the run was paused: not counted in the measured time nor in the mean rate. */
	readonly pausedMs: number;
	/** Pool start-up, null until every worker is up. */
	readonly startupMs: number | null;
	/** Per worker, start-up and memory (null until every worker is up). */
	readonly startup: StartupCost | null;
	/** Requests/s over the last second. */
	readonly throughput: number;
	/** Requests/s per frame, oldest first, at most HISTORY long. */
	readonly throughputHistory: readonly number[];
	/** Mean requests/s since the first task. */
	readonly meanThroughput: number;
	/** Estimated ms left at the current rate (null when unknown). */
	readonly etaMs: number | null;
	readonly latency: Latency;
	/** reason → count, most frequent first. */
	readonly failures: readonly (readonly [string, number])[];
	readonly cpu: CpuSnapshot;
	readonly lanes: readonly LaneSnapshot[];
	/** The task view: the most recent tasks started, oldest first, each with a cell per lane slice (absent in hand-built snapshots). */
	readonly tasks?: readonly TaskSnapshot[];
	readonly model: ModelSnapshot;
	/** Peak resident memory of the client (main + worker processes), bytes. */
	readonly peakRssBytes: number;
	/** --rate only: the schedule against what was sent; `latency` then counts from each intended start. */
	readonly rate?: RateSnapshot;
};

export type ModelTermResult = {readonly ms: number; readonly formula: string};

/** The JSON contract (docs/json.md): one object per mode run. */
export type RunResult = {
	readonly mode: Mode;
	/** Who ran it: node, or python (the talk's programs); for python, `gil`: `real` or `off` (free-threaded). */
	readonly runtime?: 'node' | 'python';
	readonly gil?: 'real' | 'off';
	readonly work: Work;
	readonly requested: number;
	readonly completed: number;
	readonly failed: number;
	readonly cancelled: number;
	readonly wallMs: number;
	/** Of wallMs, the time the run was paused (requestsPerSecond and the comparison with the model leave it out). */
	readonly pausedMs: number;
	readonly predictedMs: number;
	readonly requestsPerSecond: number;
	readonly bound: ModelSnapshot['bound'];
	/** The model's two terms, each with its formula filled in (null: the term does not apply, or its cost is unknown). */
	readonly model: {readonly latency: ModelTermResult | null; readonly cpu: ModelTermResult | null};
	/** null when nothing was measured (no request got an answer). */
	readonly latencyMs: {readonly p50: number | null; readonly p90: number | null; readonly p99: number | null; readonly max: number | null};
	readonly failures: Readonly<Record<string, number>>;
	/** `null` where no CPU sample was taken during the run (nothing measured, never 0). */
	readonly cpu: {readonly cores: number; readonly utilisation: number | null; readonly perCore: readonly (number | null)[]};
	readonly workers: readonly {readonly id: number; readonly tasks: number; readonly busyRatio: number}[];
	readonly maxInFlight: number;
	readonly startupMs: number;
	/** Per worker: its share of the start-up, ms, and the memory it adds, bytes. */
	readonly startup: StartupCost | null;
	readonly peakRssBytes: number;
	/** --rate only: from the actual send (latencyMs then counts from the intended start). */
	readonly serviceMs?: {readonly p50: number | null; readonly p90: number | null; readonly p99: number | null; readonly max: number | null};
	/** --rate only: requests/s asked for and sent, and sends more than LATE_MS behind the schedule. */
	readonly rate?: {readonly target: number; readonly achieved: number; readonly late: number};
	/** io/mixed on the embedded server: what a request costs, calibrated before the run, ms (see ClientCost); waitMs (δ) and pilot (its shape) where c, s, m, ℓ and δ come from a pilot of the run's pool, else null; burst (its shape, wall time and B, ms) where a burst of a loop pool's first round measured its ramp, else null. */
	readonly clientCost?: {readonly requestMs: number; readonly connectMs: number; readonly loopMs: number; readonly serverMs: number; readonly mainMs: number; readonly waitMs: number | null; readonly pilot: ClientCost['pilot'] | null; readonly burst: ClientCost['burst'] | null};
	/** cpu/mixed only: the kernel calibration this run used. */
	readonly calibration?: {readonly cpuMs: number; readonly units: number; readonly unitsPerMs: number};
};
