import {Lines} from '../text/line-text.js';
import {LANE_STATES, stateGlyph, stateWords} from '../text/theme.js';
import {type Line, firstFitting, seg} from '../text/text.js';
import {t} from '../../i18n/catalogue.js';

function legendLine(width: number): Line {
	/** Words of length v; the split state's may be shorter (`split`), so 80 columns keep the long words. */
	const variant = (v: 0 | 1 | 2, gap: string, split: 0 | 1 | 2 = v): Line =>
		LANE_STATES.flatMap((s, i) => [
			...(i > 0 ? [seg(gap)] : []),
			seg(stateGlyph[s], s),
			seg(` ${t(stateWords[s][s === 'split' ? split : v])}`, 'muted'),
		]);
	return firstFitting([variant(0, '   '), variant(0, '  '), variant(0, '  ', 1), variant(1, '  '), variant(2, ' ')], width);
}

/** The glyphs of the lanes, one line. */
export function Legend({width, color}: {readonly width: number; readonly color: boolean}) {
	return <Lines lines={[legendLine(width)]} width={width} color={color} />;
}
