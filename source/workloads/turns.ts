/**
 * Hands out turns of this thread's event loop, one at a time and in the
 * order asked: each `next()` resolves in its own turn (a setImmediate after
 * the previous one resolved). A CPU kernel run in its own turn lets timers
 * (event batches, samples) and messages (pause, stop) run between kernels, as
 * an asyncio loop runs other callbacks between coroutine steps; without it,
 * an event loop that starts a thousand CPU tasks at once computes them all
 * before it can report or hear anything.
 */
export type Turns = {
	next(): Promise<void>;
};

export function createTurns(): Turns {
	let last: Promise<void> = Promise.resolve();
	return {
		async next() {
			const turn = last.then(async () => new Promise<void>(resolve => {
				setImmediate(resolve);
			}));
			last = turn;
			return turn;
		},
	};
}
