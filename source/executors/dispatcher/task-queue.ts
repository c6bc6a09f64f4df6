/**
 * The one queue tasks are handed out from: a counter over 0..n−1 plus a small
 * list of ids given back by workers that died before starting them. Never an
 * array of n, so 4,000,000 tasks cost nothing up front.
 */
export type TaskQueue = {
	/** Up to k ids, requeued ones first. */
	take(k: number): number[];
	requeue(task: number): void;
	/** Ids that can be handed out now (with a schedule: those already due). */
	readonly size: number;
	/** Fresh ids (not requeued ones) handed out so far: the next fresh id. */
	readonly handed: number;
	/** Empty the queue at once; how many ids it held. */
	clear(): number;
};

/** `due` (an open-model schedule) caps the fresh ids handed out so far: ids ≥ due() wait. */
export function createTaskQueue(requests: number, due: () => number = () => requests): TaskQueue {
	let next = 0;
	let back: number[] = [];
	const queue: TaskQueue = {
		take(k) {
			const tasks: number[] = [];
			while (tasks.length < k && back.length > 0) {
				tasks.push(back.pop()!);
			}

			const limit = Math.min(requests, due());
			while (tasks.length < k && next < limit) {
				tasks.push(next++);
			}

			return tasks;
		},
		requeue(task) {
			back.push(task);
		},
		get size() {
			return back.length + Math.max(0, Math.min(requests, due()) - next);
		},
		get handed() {
			return next;
		},
		clear() {
			const dropped = back.length + requests - next;
			back = [];
			next = requests;
			return dropped;
		},
	};
	return queue;
}
