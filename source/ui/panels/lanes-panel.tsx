import {laneRows, type LaneRowsInput} from '../lines/lane-rows.js';
import {Lines} from '../text/line-text.js';

/** What laneRows needs, plus colour. */
export type LanesProps = LaneRowsInput & {readonly color: boolean};

/** One band per worker, time flowing left to right, one glyph per frame, newest at the right edge. */
export function Lanes({color, ...input}: LanesProps) {
	return <Lines lines={laneRows(input)} width={input.width} color={color} />;
}
