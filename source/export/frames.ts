import type {CastEvent} from './cast.js';

/** Ink draws each frame as synchronized output, from this escape (begin synchronized update) to its end. */
const FRAME_START = '\u001B[?2026h';

/** Where a recording's last frame starts: the event that holds its start, the offset in its data, and when the screen before it was drawn. */
export type FrameStart = {readonly index: number; readonly offset: number; readonly before: number; readonly time: number};

/**
 * The last dashboard frame of a recording: the dashboard's final frame is the
 * summary it leaves on quitting, so the screen before the last frame starts
 * is the last one of the dashboard. Undefined with fewer than two frames (a
 * recording not made by the dashboard: its last screen is the one to show).
 */
export function createFrameTracker() {
	let frames = 0;
	let last: FrameStart | undefined;
	let index = 0;
	let previousTime = 0;
	return {
		see(event: CastEvent): void {
			const offset = event.kind === 'o' ? event.data.lastIndexOf(FRAME_START) : -1;
			if (offset !== -1) {
				frames++;
				last = {index, offset, before: offset > 0 ? event.time : previousTime, time: event.time};
			}

			previousTime = event.time;
			index++;
		},
		lastFrameStart(): FrameStart | undefined {
			return frames >= 2 ? last : undefined;
		},
	};
}
