import {KEY_HELP} from './keys.js';
import {Lines} from './lines.js';
import {type Line, type Seg, fitLine, lineWidth, seg, spread} from './text.js';
import {t, tFilled} from '../i18n/catalogue.js';

/** Keys kept longest when the line is short: quit and help first, the GIL last. */
const priority = ['q', '?', '1-6', '+/-', 'space', 'c', 'r', 'n', 'w', '[/]', 'g'];

const item = (key: string, word: string): Seg[] => [seg(t(key), 'key'), seg(` ${t(word)}`, 'muted')];

export function helpBarLine(width: number, notice: string): Line {
	if (notice) {
		const right = [...item('?', 'help'), seg('  '), ...item('q', 'quit')];
		return spread(fitLine([seg('! ', 'warn'), seg(tFilled(notice), 'warn')], width - lineWidth(right) - 2), right, width);
	}

	let keys = KEY_HELP.map(([key]) => key);
	for (;;) {
		const line = KEY_HELP.filter(([key]) => keys.includes(key)).flatMap(([key, word], i) => [
			...(i > 0 ? [seg('  ')] : []),
			...item(key, word),
		]);
		if (lineWidth(line) <= width || keys.length <= 2) {
			return fitLine(line, width);
		}

		const drop = priority.findLast((key) => keys.includes(key));
		keys = keys.filter((key) => key !== drop);
	}
}

/** The keys in one line fitted to the width, or the session's notice with the help key. */
export function HelpBar({width, notice, color}: {readonly width: number; readonly notice: string; readonly color: boolean}) {
	return <Lines lines={[helpBarLine(width, notice)]} width={width} color={color} />;
}
