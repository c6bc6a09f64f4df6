import type {BusEvent, Outcome, TaskEndEvent} from '../events/events.js';
import {CPU_WINDOW_MS, draftOf, newLane, update, type Lane, type LaneDraft} from './lanes.js';
import {isRecorded, recordLatency} from './latency.js';
import {totalRss} from './rss.js';
import {endedCount, isLoopMode, isTerminal, type MetricsState} from './state.js';
import {copyRing, countEnd, type MutableRing} from './throughput.js';

type Draft = {-readonly [K in keyof MetricsState]: MetricsState[K]};

/** A worker exit is a death when its code is non-zero, or when the run still had tasks to do. */
function runGoing(s: Draft): boolean {
	return !isTerminal(s.status) && s.status !== 'cancelling' && endedCount(s) < s.run.requested;
}

/** Fold one batch of events into a new state (the old one is left as it was, but for the histogram). */
export function applyEvents(state: MetricsState, events: readonly BusEvent[]): MetricsState {
	if (events.length === 0) {
		return state;
	}

	const s: Draft = {...state};
	const loopMode = isLoopMode(state);
	const drafts = new Map<number, LaneDraft>();
	let ring: MutableRing | undefined;
	let failures: Map<string, number> | undefined;
	let rss: Map<number, number> | undefined;

	const existing = (worker: number): LaneDraft | undefined => {
		let draft = drafts.get(worker);
		if (!draft) {
			const lane = state.lanes.get(worker);
			if (lane) {
				draft = draftOf(lane);
				drafts.set(worker, draft);
			}
		}

		return draft;
	};

	const lane = (worker: number, t: number): LaneDraft => {
		let draft = existing(worker);
		if (!draft) {
			draft = draftOf(newLane(worker, t, loopMode));
			drafts.set(worker, draft);
		}

		return draft;
	};

	const current = (): Lane[] => {
		const all = new Map<number, Lane>(state.lanes);
		for (const [worker, draft] of drafts) {
			all.set(worker, draft);
		}

		return [...all.values()];
	};

	/** `n` tasks ended with `outcome` at t: counted, and a failure's reason kept. */
	const ended = (outcome: Outcome, t: number, n: number, reason: string): void => {
		s[outcome] += n;
		s.lastEndAt = s.lastEndAt === null ? t : Math.max(s.lastEndAt, t);
		if (outcome === 'failed') {
			failures ??= new Map(state.failures);
			const key = reason === '' ? 'unknown' : reason;
			failures.set(key, (failures.get(key) ?? 0) + n);
		}
	};

	const taskEnd = (e: TaskEndEvent): void => {
		ended(e.outcome, e.t, 1, e.reason);
		if (e.outcome !== 'cancelled') {
			ring ??= copyRing(state.ends);
			countEnd(ring, e.t);
		}

		if (isRecorded(e.outcome, e.status)) {
			recordLatency(state.latency, e.latencyMs);
		}

		const draft = existing(e.worker);
		if (draft) {
			update(draft, e.t, l => {
				l.tasks++;
				if (l.inFlight > 0) {
					l.inFlight--;
					s.inFlight--;
				}
			});
		}
	};

	for (const e of events) {
		switch (e.type) {
			case 'worker-up': {
				// A worker id that comes up again (a replaced worker) is alive again; its slices keep the death.
				update(lane(e.worker, e.t), e.t, l => {
					l.pid = e.pid;
					l.process = e.process;
					l.thread = e.thread;
					l.exitAt = null;
					l.dead = false;
				});
				break;
			}

			case 'task-start': {
				s.started++;
				s.firstStartAt = s.firstStartAt === null ? e.t : Math.min(s.firstStartAt, e.t);
				update(lane(e.worker, e.t), e.t, l => {
					l.inFlight++;
					l.loop ||= l.inFlight > 1;
				});
				s.inFlight++;
				s.maxInFlight = Math.max(s.maxInFlight, s.inFlight);
				break;
			}

			case 'task-end': {
				taskEnd(e);
				break;
			}

			case 'tasks-end': {
				// Never handed out: no lane, no latency, not served (no throughput).
				ended(e.outcome, e.t, e.count, e.reason);

				break;
			}

			case 'state': {
				update(lane(e.worker, e.t), e.t, l => {
					l.reported = e.state;
				});
				break;
			}

			case 'sample': {
				const draft = lane(e.worker, e.t);
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
					rss ??= new Map(state.rssByPid);
					rss.set(draft.pid, e.rssBytes);
					s.peakRssBytes = Math.max(s.peakRssBytes, totalRss(rss));
				}

				break;
			}

			case 'worker-exit': {
				const draft = lane(e.worker, e.t);
				const dead = e.code !== 0 || runGoing(s);
				update(draft, e.t, l => {
					l.exitAt = e.t;
					l.dead ||= dead;
					l.cpu = 0;
				});
				if (!current().some(other => other.pid === draft.pid && other.exitAt === null)) {
					rss ??= new Map(state.rssByPid);
					rss.delete(draft.pid);
				}

				break;
			}
		}
	}

	const lanes = new Map(state.lanes);
	for (const [worker, draft] of drafts) {
		lanes.set(worker, draft);
	}

	return {
		...s,
		lanes,
		ends: ring ?? state.ends,
		failures: failures ?? state.failures,
		rssByPid: rss ?? state.rssByPid,
	};
}
