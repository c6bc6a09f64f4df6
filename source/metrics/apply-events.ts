import type {
	BusEvent,
	Outcome,
	SampleEvent,
	StateEvent,
	TaskEndEvent,
	TaskStartEvent,
	WorkerExitEvent,
	WorkerUpEvent,
} from '../events/events.js';
import {CPU_WINDOW_MS, draftOf, newLane, update, type Lane, type LaneDraft} from './lanes.js';
import {isRecorded, recordLatency} from './latency.js';
import {rateEnded, rateRecorded, rateStarted} from './rate.js';
import {totalRss} from './rss.js';
import {copyTaskSlices, stateReported, taskEnded, taskStarted, type TaskSlices} from './task-slices.js';
import {endedCount, isLoopMode, isTerminal, type MetricsState} from './state.js';
import {copyRing, countEnd, type MutableRing} from './throughput.js';

type Draft = {-readonly [K in keyof MetricsState]: MetricsState[K]};

/**
 * One batch folded into a new state. The old state is left as it was (but
 * for the latency histogram, which the state owns): the lanes, the ring of
 * ends, the failures and the RSS table are copied the first time the batch
 * changes them.
 */
class BatchFold {
	readonly #state: MetricsState;
	readonly #s: Draft;
	readonly #loopMode: boolean;
	readonly #drafts = new Map<number, LaneDraft>();
	#ring: MutableRing | undefined;
	#failures: Map<string, number> | undefined;
	#rss: Map<number, number> | undefined;
	#taskSlices: TaskSlices | undefined;

	constructor(state: MetricsState) {
		this.#state = state;
		this.#s = {...state};
		this.#loopMode = isLoopMode(state);
	}

	apply(e: BusEvent): void {
		switch (e.type) {
			case 'worker-up': return this.#workerUp(e);
			case 'task-start': return this.#taskStart(e);
			case 'task-end': return this.#taskEnd(e);
			// Never handed out: no lane, no latency, not served (no throughput).
			case 'tasks-end': return this.#ended(e.outcome, e.t, e.count, e.reason);
			case 'state': return this.#reported(e);
			case 'sample': return this.#sample(e);
			case 'worker-exit': return this.#workerExit(e);
		}
	}

	result(): MetricsState {
		const lanes = new Map(this.#state.lanes);
		for (const [worker, draft] of this.#drafts) {
			lanes.set(worker, draft);
		}

		return {
			...this.#s,
			lanes,
			ends: this.#ring ?? this.#state.ends,
			failures: this.#failures ?? this.#state.failures,
			rssByPid: this.#rss ?? this.#state.rssByPid,
			taskSlices: this.#taskSlices ?? this.#state.taskSlices,
		};
	}

	#reported(e: StateEvent): void {
		stateReported(this.#tasks(), e);
		if (e.task !== undefined) {
			// A loop task's CPU section: the lane's own state comes from its utilisation.
			return;
		}

		update(this.#lane(e.worker, e.t), e.t, l => {
			l.reported = e.state;
		});
	}

	/** A worker id that comes up again (a replaced worker) is alive again; its slices keep the death. */
	#workerUp(e: WorkerUpEvent): void {
		update(this.#lane(e.worker, e.t), e.t, l => {
			l.pid = e.pid;
			l.process = e.process;
			l.thread = e.thread;
			l.exitAt = null;
			l.dead = false;
		});
	}

	#taskStart(e: TaskStartEvent): void {
		const s = this.#s;
		if (s.rate) {
			s.rate = rateStarted(s.rate, e.task, e.t, s.inFlight);
		}

		s.started++;
		taskStarted(this.#tasks(), e);
		s.firstStartAt = s.firstStartAt === null ? e.t : Math.min(s.firstStartAt, e.t);
		update(this.#lane(e.worker, e.t), e.t, l => {
			l.inFlight++;
			l.loop ||= l.inFlight > 1;
		});
		s.inFlight++;
		s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
	}

	#taskEnd(e: TaskEndEvent): void {
		const s = this.#s;
		this.#ended(e.outcome, e.t, 1, e.reason);
		taskEnded(this.#tasks(), e);
		if (e.outcome !== 'cancelled') {
			this.#ring ??= copyRing(this.#state.ends);
			countEnd(this.#ring, e.t);
		}

		if (isRecorded(e.outcome, e.status)) {
			if (s.rate) {
				rateRecorded(s.rate, this.#state.latency, e.task, e.t, e.latencyMs);
			} else {
				recordLatency(this.#state.latency, e.latencyMs);
			}
		}

		const draft = this.#existing(e.worker);
		if (draft) {
			update(draft, e.t, l => {
				l.tasks++;
				if (l.inFlight > 0) {
					l.inFlight--;
					s.inFlight--;
				}
			});
		}

		if (s.rate) {
			s.rate = rateEnded(s.rate, e.t, s.inFlight);
		}
	}

	/** CPU over windows of at least CPU_WINDOW_MS (thread CPU clocks tick in ms steps), the loop's utilisation, the process's RSS. */
	#sample(e: SampleEvent): void {
		const s = this.#s;
		const draft = this.#lane(e.worker, e.t);
		update(draft, e.t, l => {
			const from = l.cpuFrom ?? l.sampleAt ?? l.upAt;
			const sum = l.cpuSum + e.cpuMs;
			if (l.exitAt !== null) {
				l.cpu = 0;
			} else if (e.t - from >= CPU_WINDOW_MS) {
				l.cpu = sum / (e.t - from);
				l.cpuSum = 0;
				l.cpuFrom = e.t;
			} else {
				l.cpuSum = sum;
				l.cpuFrom = from;
			}

			if (s.firstStartAt !== null) {
				const span = Math.max(0, e.t - (l.sampleAt ?? l.upAt));
				l.runCpuMs += e.cpuMs;
				l.runEluMs += e.elu * span;
				l.runEluSpan += span;
			}

			l.elu = e.elu;
			l.sampleAt = e.t;
			l.loop ||= e.inFlight > 1;
		});
		if (draft.pid > 0 && draft.exitAt === null) {
			const rss = this.#rssTable();
			rss.set(draft.pid, e.rssBytes);
			s.peakRssBytes = Math.max(s.peakRssBytes, totalRss(rss));
		}
	}

	/** An exit is a death when its code is non-zero, or when the run still had tasks to do. */
	#workerExit(e: WorkerExitEvent): void {
		const s = this.#s;
		const draft = this.#lane(e.worker, e.t);
		const going = !isTerminal(s.status) && s.status !== 'cancelling' && endedCount(s) < s.run.requested;
		update(draft, e.t, l => {
			l.exitAt = e.t;
			l.dead ||= e.code !== 0 || going;
			l.cpu = 0;
		});
		if (!this.#lanes().some(other => other.pid === draft.pid && other.exitAt === null)) {
			this.#rssTable().delete(draft.pid);
		}
	}

	/** `n` tasks ended with `outcome` at t: counted, and a failure's reason kept. */
	#ended(outcome: Outcome, t: number, n: number, reason: string): void {
		const s = this.#s;
		s[outcome] += n;
		s.lastEndAt = s.lastEndAt === null ? t : Math.max(s.lastEndAt, t);
		if (outcome === 'failed') {
			this.#failures ??= new Map(this.#state.failures);
			const key = reason === '' ? 'unknown' : reason;
			this.#failures.set(key, (this.#failures.get(key) ?? 0) + n);
		}
	}

	/** The batch's copy of the task view's records, made the first time the batch changes them. */
	#tasks(): TaskSlices {
		this.#taskSlices ??= copyTaskSlices(this.#state.taskSlices);
		return this.#taskSlices;
	}

	#rssTable(): Map<number, number> {
		this.#rss ??= new Map(this.#state.rssByPid);
		return this.#rss;
	}

	/** The batch's copy of a lane the state already has, if any. */
	#existing(worker: number): LaneDraft | undefined {
		let draft = this.#drafts.get(worker);
		const lane = draft ? undefined : this.#state.lanes.get(worker);
		if (lane) {
			draft = draftOf(lane);
			this.#drafts.set(worker, draft);
		}

		return draft;
	}

	/** The batch's copy of a lane, made anew for a worker not seen before. */
	#lane(worker: number, t: number): LaneDraft {
		let draft = this.#existing(worker);
		if (!draft) {
			draft = draftOf(newLane(worker, t, this.#loopMode));
			this.#drafts.set(worker, draft);
		}

		return draft;
	}

	/** Every lane as the batch has it so far. */
	#lanes(): Lane[] {
		const all = new Map<number, Lane>(this.#state.lanes);
		for (const [worker, draft] of this.#drafts) {
			all.set(worker, draft);
		}

		return [...all.values()];
	}
}

/** Fold one batch of events into a new state (the old one is left as it was, but for the histogram). */
export function applyEvents(state: MetricsState, events: readonly BusEvent[]): MetricsState {
	if (events.length === 0) {
		return state;
	}

	const fold = new BatchFold(state);
	for (const e of events) {
		fold.apply(e);
	}

	return fold.result();
}
