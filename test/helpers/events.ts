import type {
	SampleEvent,
	StateEvent,
	TaskEndEvent,
	TaskStartEvent,
	WorkerExitEvent,
	WorkerState,
	WorkerUpEvent,
} from '../../source/events/events.js';

/** Hand-made bus events for reducer tests: only what a test cares about, sensible defaults for the rest. */
export const workerUp = (e: {worker: number; t: number; pid?: number; process?: number; thread?: number}): WorkerUpEvent => ({
	type: 'worker-up',
	pid: 1000 + e.worker,
	process: e.worker,
	thread: 0,
	...e,
});

export const workerExit = (e: {worker: number; t: number; code?: number}): WorkerExitEvent => ({type: 'worker-exit', code: 0, ...e});

export const taskStart = (e: {worker: number; task: number; t: number}): TaskStartEvent => ({type: 'task-start', ...e});

export const taskEnd = (e: Partial<Omit<TaskEndEvent, 'type'>> & {worker: number; task: number; t: number}): TaskEndEvent => {
	const outcome = e.outcome ?? 'completed';
	return {
		type: 'task-end',
		outcome,
		status: outcome === 'completed' ? 200 : 0,
		bytes: outcome === 'completed' ? 1024 : 0,
		latencyMs: 100,
		reason: outcome === 'completed' ? '' : outcome === 'cancelled' ? 'cancelled' : 'timeout',
		...e,
	};
};

export const state = (e: {worker: number; t: number; state: WorkerState}): StateEvent => ({type: 'state', ...e});

export const sample = (e: Partial<Omit<SampleEvent, 'type'>> & {worker: number; t: number}): SampleEvent => ({
	type: 'sample',
	cpuMs: 0,
	elu: 0,
	inFlight: 0,
	rssBytes: 0,
	...e,
});
