/** The ids a lane was granted and has not started yet, in order, with their URLs when grants carry them (a --urls file). */
export class HeldTasks {
	readonly #ids: number[] = [];
	readonly #urls: string[] = [];
	#head = 0;

	get size(): number {
		return this.#ids.length - this.#head;
	}

	add(tasks: readonly number[], urls: readonly string[] | undefined): void {
		this.#ids.push(...tasks);
		if (urls) {
			this.#urls.length = this.#ids.length - tasks.length;
			this.#urls.push(...urls);
		}
	}

	/** The next id and its URL (undefined on the embedded server). */
	take(): {task: number; url: string | undefined} {
		const url = this.#urls[this.#head];
		const task = this.#ids[this.#head++]!;
		if (this.#head === this.#ids.length) {
			this.clear();
		}

		return {task, url};
	}

	clear(): void {
		this.#ids.length = 0;
		this.#urls.length = 0;
		this.#head = 0;
	}
}
