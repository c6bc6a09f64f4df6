/**
 * The one queue tasks are handed out from: a counter over 0..n−1 plus a small
 * list of ids given back by workers that died before starting them. Never an
 * array of n, so 4,000,000 tasks cost nothing up front.
 */
export type TaskQueue = {
	/** Up to k ids, requeued ones first. */
	take(k: number): number[];
	requeue(task: number): void;
	/** Ids left to hand out. */
	readonly size: number;
	/** Empty the queue at once; how many ids it held. */
	clear(): number;
};

export function createTaskQueue(requests: number): TaskQueue {
	let next = 0;
	let back: number[] = [];
	const queue: TaskQueue = {
		take(k) {
			const tasks: number[] = [];
			while (tasks.length < k && back.length > 0) {
				tasks.push(back.pop()!);
			}

			while (tasks.length < k && next < requests) {
				tasks.push(next++);
			}

			return tasks;
		},
		requeue(task) {
			back.push(task);
		},
		get size() {
			return back.length + requests - next;
		},
		clear() {
			const dropped = queue.size;
			back = [];
			next = requests;
			return dropped;
		},
	};
	return queue;
}
