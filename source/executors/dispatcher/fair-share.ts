import type {LaneRecord} from './lane-record.js';

/**
 * The most ids one lane may hold (granted and not yet ended): the ids not
 * ended yet, queued or held, spread evenly over the live lanes. An event
 * loop asks for its whole concurrency at once; without this cap the first
 * loop to ask would take every task of a short run (400 tasks, P=2, C=1000)
 * and leave the other processes idle. Tasks are still handed out from one
 * queue as lanes ask: this only bounds how far ahead a lane may hold them.
 */
export function fairShare(lanes: readonly LaneRecord[], queued: number): number {
	let live = 0;
	let held = 0;
	for (const lane of lanes) {
		if (!lane.dead) {
			live++;
			held += lane.outstanding.size;
		}
	}

	return live === 0 ? 0 : Math.ceil((queued + held) / live);
}
