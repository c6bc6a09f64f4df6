const EMPTY = -1;
const MIN_CAPACITY = 64;

/**
 * Granted task ids → start time (NaN until the task starts): a lane's
 * outstanding ids. The subset of Map the dispatcher uses, kept in two
 * Float64Arrays (open addressing, linear probing, deletion by backward shift,
 * so no tombstones), because a Map of ids churned at tens of thousands a
 * second allocates a new table every few thousand ids and a boxed number for
 * each start time, and those live long enough to be promoted: half of what
 * the main process promoted to its old generation in a processes-async run.
 * This allocates only when it grows. Ids are whole numbers ≥ 0.
 */
export class TaskTimes implements Iterable<[number, number]> {
	#keys = new Float64Array(MIN_CAPACITY).fill(EMPTY);
	#values = new Float64Array(MIN_CAPACITY);
	#size = 0;

	get size(): number {
		return this.#size;
	}

	get(task: number): number | undefined {
		const i = this.#find(task);
		return this.#keys[i] === task ? this.#values[i] : undefined;
	}

	set(task: number, t: number): this {
		if ((this.#size + 1) * 2 > this.#keys.length) {
			this.#resize(this.#keys.length * 2);
		}

		const i = this.#find(task);
		if (this.#keys[i] !== task) {
			this.#keys[i] = task;
			this.#size++;
		}

		this.#values[i] = t;
		return this;
	}

	delete(task: number): boolean {
		const keys = this.#keys;
		let i = this.#find(task);
		if (keys[i] !== task) {
			return false;
		}

		const mask = keys.length - 1;
		// Backward shift: move later entries of the probe run into the hole when their home is not between the hole and them.
		for (let j = (i + 1) & mask; keys[j] !== EMPTY; j = (j + 1) & mask) {
			const home = this.#home(keys[j]!);
			if (((j - home) & mask) >= ((j - i) & mask)) {
				keys[i] = keys[j]!;
				this.#values[i] = this.#values[j]!;
				i = j;
			}
		}

		keys[i] = EMPTY;
		this.#size--;
		return true;
	}

	clear(): void {
		this.#keys.fill(EMPTY);
		this.#size = 0;
	}

	/** [task, start time] pairs, by task id. */
	* [Symbol.iterator](): Iterator<[number, number]> {
		const entries: Array<[number, number]> = [];
		for (const [i, task] of this.#keys.entries()) {
			if (task !== EMPTY) {
				entries.push([task, this.#values[i]!]);
			}
		}

		yield * entries.sort((a, b) => a[0] - b[0]);
	}

	#home(task: number): number {
		return (Math.imul(task | 0, 0x9E_37_79_B1) >>> 0) & (this.#keys.length - 1);
	}

	/** The slot holding `task`, or the empty slot where it would go. */
	#find(task: number): number {
		const keys = this.#keys;
		const mask = keys.length - 1;
		let i = this.#home(task);
		while (keys[i] !== EMPTY && keys[i] !== task) {
			i = (i + 1) & mask;
		}

		return i;
	}

	#resize(capacity: number): void {
		const entries = [...this];
		this.#keys = new Float64Array(capacity).fill(EMPTY);
		this.#values = new Float64Array(capacity);
		this.#size = 0;
		for (const [task, t] of entries) {
			this.set(task, t);
		}
	}
}
