import type {Lane} from './lanes.js';

/**
 * One GIL per process (pid) lets one of its threads compute at a time, so in one slice at most one
 * lane of a process is drawn computing (█): the one that computed longest; the others computed
 * part of the slice and waited the rest ('split', ▓). Event batches arrive late, so without this
 * two lanes could each seem to have computed most of the same 100 ms.
 */
export function oneComputingPerGil(lanes: ReadonlyMap<number, Lane>): Map<number, Lane> {
	const leader = new Map<number, Lane>();
	for (const lane of lanes.values()) {
		const best = leader.get(lane.pid);
		if (lane.slices.at(-1) === 'computing' && (best === undefined || lane.lastCpuMs > best.lastCpuMs)) {
			leader.set(lane.pid, lane);
		}
	}

	return new Map(
		[...lanes].map(([worker, lane]) =>
			lane.slices.at(-1) === 'computing' && leader.get(lane.pid) !== lane
				? [worker, {...lane, slices: [...lane.slices.slice(0, -1), 'split']}]
				: [worker, lane],
		),
	);
}
