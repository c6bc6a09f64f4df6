import type {WorkerState} from '../events/events.js';
import {consume, runKernel} from './cpu.js';
import {createTurns} from './turns.js';
import type {Gil, TaskResult, Workload, WorkloadSpec} from './workload.js';

const CANCELLED: TaskResult = {outcome: 'cancelled', status: 0, bytes: 0, reason: 'cancelled'};

/**
 * The CPU section of a task: under the GIL when there is one (state 'gil'
 * while waiting for it), 'computing' while the kernel runs. A running kernel
 * is never interrupted.
 */
function compute(units: number, seed: number, setState: (state: WorkerState) => void, gil: Gil | undefined): void {
	if (gil) {
		setState('gil');
		gil.acquire();
		try {
			setState('computing');
			consume(runKernel(units, seed));
		} finally {
			gil.release();
		}
	} else {
		setState('computing');
		consume(runKernel(units, seed));
	}
}

/**
 * One worker's workload for `spec.work`:
 * - io: GET the task's URL (state 'io'), body read and dropped;
 * - cpu: the kernel with `spec.cpuUnits` units, seeded by the task number;
 * - mixed: GET (state 'io') keeping this one body, then the kernel seeded from its bytes.
 * Each kernel runs in a turn of the event loop of its own (see turns.ts).
 * `gil` serialises the CPU sections (thread modes with --gil).
 * The HTTP client (undici) is loaded only for io and mixed work: a lane of
 * CPU work starts without it.
 */
export async function createWorkload(spec: WorkloadSpec, gil?: Gil): Promise<Workload> {
	const http = spec.work === 'cpu' ? undefined : (await import('./io.js')).createHttpClient(spec);
	const turns = createTurns();
	let cancelled = false;

	const runCpu = async (task: number, setState: (state: WorkerState) => void): Promise<TaskResult> => {
		if (cancelled) {
			return CANCELLED;
		}

		await turns.next();
		if (cancelled) {
			return CANCELLED;
		}

		compute(spec.cpuUnits, task, setState, gil);
		return {outcome: 'completed', status: 0, bytes: 0, reason: ''};
	};

	// The hot path of the async modes: the client's own promise, no wrapper (a GET without seedBody has no seed field).
	const runIo = async (task: number, setState: (state: WorkerState) => void, url?: string): Promise<TaskResult> => {
		if (cancelled) {
			return CANCELLED;
		}

		setState('io');
		return http!.get(task, false, url);
	};

	const runMixed = async (task: number, setState: (state: WorkerState) => void, url?: string): Promise<TaskResult> => {
		if (cancelled) {
			return CANCELLED;
		}

		setState('io');
		const result = await http!.get(task, true, url);
		if (result.outcome !== 'completed') {
			return {outcome: result.outcome, status: result.status, bytes: result.bytes, reason: result.reason};
		}

		await turns.next();
		if (cancelled) {
			return {...CANCELLED, bytes: result.bytes};
		}

		compute(spec.cpuUnits, result.seed!, setState, gil);
		return {outcome: 'completed', status: result.status, bytes: result.bytes, reason: ''};
	};

	const run = spec.work === 'cpu' ? runCpu : (spec.work === 'io' ? runIo : runMixed);
	return {
		run,
		cancel() {
			cancelled = true;
			http?.cancel();
		},
		async close() {
			await http?.close();
		},
	};
}
