/**
 * One deadline for the whole of each request (connect, headers and body),
 * kept by one timer per client instead of one per request.
 *
 * A Deadline is what undici accepts as a request's `signal`: an object with
 * `on`/`once`/`removeListener` (no `aborted` property, so undici takes it for
 * an EventEmitter and adds no AbortSignal listener, which costs about a tenth
 * of the client's CPU at thousands of requests a second). When the deadline
 * passes, the sweep calls undici's listener, which aborts the request or
 * destroys its body with `reason` (code CONCVIZ_TIMEOUT).
 */

export const TIMEOUT_CODE = 'CONCVIZ_TIMEOUT';

class Deadline {
	reason: Error | undefined;
	private listener: (() => void) | undefined;

	constructor(readonly at: number) {}

	on(_event: string, listener: () => void): this {
		this.listener = listener;
		return this;
	}

	once(event: string, listener: () => void): this {
		return this.on(event, listener);
	}

	removeListener(): this {
		this.listener = undefined;
		return this;
	}

	fire(reason: Error): void {
		this.reason = reason;
		const listener = this.listener;
		this.listener = undefined;
		listener?.();
	}
}

export type Deadlines = {
	/** A deadline `timeout` ms from now; end() it when the request is over. */
	start(): Deadline;
	end(deadline: Deadline): void;
	/** Stop the sweep (the deadlines still live never fire). */
	close(): void;
};

/** Sweep granularity: a twentieth of the timeout, between 5 and 250 ms. */
const sweepMs = (timeout: number): number => Math.min(250, Math.max(5, Math.round(timeout / 20)));

export function createDeadlines(timeout: number): Deadlines {
	// Every deadline is `timeout` after its start, so insertion order is deadline order.
	const live = new Set<Deadline>();
	const error = Object.assign(new Error(`timeout: the request took more than ${timeout} ms`), {code: TIMEOUT_CODE});
	let timer: NodeJS.Timeout | undefined;
	const sweep = (): void => {
		const t = performance.now();
		for (const deadline of live) {
			if (deadline.at > t) {
				break;
			}

			live.delete(deadline);
			deadline.fire(error);
		}

		if (live.size === 0) {
			clearInterval(timer);
			timer = undefined;
		}
	};

	return {
		start() {
			const deadline = new Deadline(performance.now() + timeout);
			live.add(deadline);
			if (!timer) {
				timer = setInterval(sweep, sweepMs(timeout));
				timer.unref();
			}

			return deadline;
		},
		end(deadline) {
			live.delete(deadline);
		},
		close() {
			clearInterval(timer);
			timer = undefined;
			live.clear();
		},
	};
}
