/** Who wants each new value (snapshots, views, tour states): add returns the way to leave. */
export class Listeners<T> {
	readonly #set = new Set<(value: T) => void>();

	add(listener: (value: T) => void): () => void {
		this.#set.add(listener);
		return () => this.#set.delete(listener);
	}

	emit(value: T): void {
		for (const listener of this.#set) {
			listener(value);
		}
	}
}
