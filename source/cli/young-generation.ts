import {constants, PerformanceObserver} from 'node:perf_hooks';
import v8 from 'node:v8';

/** The main process's semi-spaces stop growing at this size, as its lane processes' do (LANE_V8_FLAGS). */
const MAX_SEMI_SPACE_MB = 8;
/** V8's default growth factor of the young generation (--semi-space-growth-factor). */
const GROWTH_FACTOR = 2;

const newSpaceBytes = (): number => v8.getHeapSpaceStatistics().find(space => space.space_name === 'new_space')?.space_size ?? 0;

/**
 * Caps this process's young generation once it is running. V8 doubles the
 * semi-spaces each time the bytes surviving scavenges since the last growth
 * exceed them, so under a steady stream of event batches the young
 * generation grows with the length of the run, to 64 MB semi-spaces (about
 * 130 MB of RSS) for ~10 MB live. `--max-semi-space-size` is read only as
 * the heap is set up (the lanes get it on their command line; a user's
 * `node` or bin does not), but the growth factor is read at each growth:
 * after every scavenge it is set to 1 while the semi-spaces are at the cap
 * and back to V8's default below it (V8 shrinks them when the process idles).
 * The flag is the process's: while it is 1, worker threads' young generations do not grow either.
 */
export function capYoungGeneration(maxSemiSpaceMb = MAX_SEMI_SPACE_MB): () => void {
	// The new space's size counts both semi-spaces.
	const cap = 2 * maxSemiSpaceMb * 2 ** 20;
	let frozen = false;
	const check = (): void => {
		const full = newSpaceBytes() >= cap;
		if (full !== frozen) {
			frozen = full;
			v8.setFlagsFromString(`--semi-space-growth-factor=${full ? 1 : GROWTH_FACTOR}`);
		}
	};

	check();
	const observer = new PerformanceObserver(list => {
		if (list.getEntries().some(entry => (entry as {detail?: {kind?: number}}).detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR)) {
			check();
		}
	});
	observer.observe({entryTypes: ['gc']});
	return () => {
		observer.disconnect();
	};
}
