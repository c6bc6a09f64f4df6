import type {Mode} from '../config.js';
import type {LaneSnapshot} from '../metrics/snapshot.js';
import {laneRows} from './lane-rows.js';
import {Lines} from './lines.js';

export type LanesProps = {
	readonly lanes: readonly LaneSnapshot[];
	readonly mode: Mode;
	readonly width: number;
	/** Lines available, the heading included; extra lanes collapse into `+K more`. */
	readonly height: number;
	/** Seconds per slice (1/fps) for the time axis; null for a plain `time →`. */
	readonly secondsPerSlice: number | null;
	/** Rows a lane may take when there are few lanes (default 4). */
	readonly maxThickness?: number;
	readonly color: boolean;
};

/** One band per worker, time flowing left to right, one glyph per frame, newest at the right edge. */
export function Lanes({color, ...input}: LanesProps) {
	return <Lines lines={laneRows(input)} width={input.width} color={color} />;
}
