import {
	decodeBatch,
	encodeInto,
	STRIDE,
	type BusEvent,
	type EventBatch,
} from './events.js';

const BATCH_MAX_EVENTS = 500;
export const BATCH_MAX_DELAY_MS = 50;

/**
 * Worker side: collects events and sends them in batches, every
 * ≤ BATCH_MAX_DELAY_MS or ≤ BATCH_MAX_EVENTS, whichever comes first.
 * `send` posts the batch (MessagePort.postMessage with the buffer transferred,
 * or process.send over IPC).
 */
export type Batcher = {
	emit(event: BusEvent): void;
	/** Send what is pending now (before exit, on stop). */
	flush(): void;
};

export function createBatcher(
	send: (batch: EventBatch) => void,
	options: {maxEvents?: number; maxDelayMs?: number} = {},
): Batcher {
	const maxEvents = options.maxEvents ?? BATCH_MAX_EVENTS;
	const maxDelayMs = options.maxDelayMs ?? BATCH_MAX_DELAY_MS;
	let data = new Float64Array(maxEvents * STRIDE);
	let reasons: string[] = [];
	let count = 0;
	let timer: NodeJS.Timeout | undefined;

	const flush = (): void => {
		if (timer) {
			clearTimeout(timer);
			timer = undefined;
		}

		if (count === 0) {
			return;
		}

		const batch: EventBatch = {data: count === maxEvents ? data : data.slice(0, count * STRIDE), count, reasons};
		data = new Float64Array(maxEvents * STRIDE);
		reasons = [];
		count = 0;
		send(batch);
	};

	return {
		emit(event) {
			encodeInto(data, count, event, reasons);
			count++;
			if (count >= maxEvents) {
				flush();
			} else if (!timer) {
				timer = setTimeout(flush, maxDelayMs);
				timer.unref();
			}
		},
		flush,
	};
}

/** Main side: the one place batches arrive; subscribers get decoded events, in arrival order. */
export type EventBus = {
	/** Feed a batch received from a worker (or built on the main thread). */
	receive(batch: EventBatch): void;
	/** Emit events made on the main thread (synthesised cancels, worker deaths). */
	emit(events: readonly BusEvent[]): void;
	subscribe(listener: (events: readonly BusEvent[]) => void): () => void;
	/** Events delivered so far. */
	readonly delivered: number;
};

export function createEventBus(): EventBus {
	const listeners = new Set<(events: readonly BusEvent[]) => void>();
	let delivered = 0;
	const emit = (events: readonly BusEvent[]): void => {
		if (events.length === 0) {
			return;
		}

		delivered += events.length;
		for (const listener of listeners) {
			listener(events);
		}
	};

	return {
		receive(batch) {
			emit(decodeBatch(batch));
		},
		emit,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		get delivered() {
			return delivered;
		},
	};
}
