/** Promises that resolve when a condition on shared state becomes true; `notify()` after each change. */
export type Waiters = {
	notify(): void;
	/** Resolves once `condition()` holds (checked now and on every notify), or after timeoutMs. */
	until(condition: () => boolean, timeoutMs?: number): Promise<void>;
};

export function createWaiters(): Waiters {
	const checks = new Set<() => void>();
	return {
		notify() {
			for (const check of checks) {
				check();
			}
		},
		async until(condition, timeoutMs = Number.POSITIVE_INFINITY) {
			return new Promise(resolve => {
				let timer: NodeJS.Timeout | undefined;
				const settle = (): void => {
					checks.delete(check);
					clearTimeout(timer);
					resolve();
				};

				function check(): void {
					if (condition()) {
						settle();
					}
				}

				if (Number.isFinite(timeoutMs)) {
					timer = setTimeout(settle, timeoutMs);
				}

				checks.add(check);
				check();
			});
		},
	};
}
