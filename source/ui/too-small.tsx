import {Lines} from './text/line-text.js';
import {fit, seg} from './text/text.js';
import {t} from '../i18n/catalogue.js';

const MIN_WIDTH = 60;
const MIN_HEIGHT = 16;

export const isTooSmall = (width: number, height: number): boolean => width < MIN_WIDTH || height < MIN_HEIGHT;

/** One line asking for more room; the dashboard comes back as soon as the terminal grows. */
export function TooSmall({width, height, color}: {readonly width: number; readonly height: number; readonly color: boolean}) {
	const text = fit(t('concviz needs at least {min} — now {size}').replace('{min}', `${MIN_WIDTH}×${MIN_HEIGHT}`).replace('{size}', `${width}×${height}`), Math.max(1, width));
	return <Lines lines={[[seg(text, 'warn')]]} width={Math.max(1, width)} color={color} />;
}
