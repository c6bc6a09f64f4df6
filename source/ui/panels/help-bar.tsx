import type {Mode} from '../../config/config.js';
import {MODE_KEYS} from '../../config/modes.js';
import {KEY_HELP, type KeyHelp, takes} from '../hooks/keys.js';
import {Lines} from '../text/line-text.js';
import {type Line, type Seg, fitLine, lineWidth, seg, spread} from '../text/text.js';
import {t, tFilled} from '../../i18n/catalogue.js';

/** Keys kept longest when the line is short: quit and the modes first, then the knobs of the mode, restart last. */
const priority = ['q', MODE_KEYS, '+/-', '[/]', 'g', 'space', 'n', 'w', 'c', 'r'];

const item = (key: string, word: string): Seg[] => [seg(t(key), 'key'), seg(` ${t(word)}`, 'muted')];

const items = (keys: readonly KeyHelp[]): Seg[] => keys.flatMap(({key, word}, i) => [...(i > 0 ? [seg('  ')] : []), ...item(key, word)]);

/**
 * The keys the mode takes, in one line: all of them where they fit; else the
 * most useful that fit, then `? more` (the help lists every key).
 */
export function helpBarLine(width: number, notice: string, mode: Mode): Line {
	if (notice) {
		const right = [...item('?', 'help'), seg('  '), ...item('q', 'quit')];
		return spread(fitLine([seg('! ', 'warn'), seg(tFilled(notice), 'warn')], width - lineWidth(right) - 2), right, width);
	}

	const taken = KEY_HELP.filter((key) => takes(mode, key));
	const all = items(taken);
	if (lineWidth(all) <= width) {
		return all;
	}

	const more = [seg('  '), ...item('?', 'more')];
	let keys = taken.filter(({key}) => key !== '?');
	for (;;) {
		const line = [...items(keys), ...more];
		if (lineWidth(line) <= width || keys.length <= 1) {
			return fitLine(line, width);
		}

		const drop = priority.findLast((key) => keys.some((k) => k.key === key));
		keys = keys.filter(({key}) => key !== drop);
	}
}

/** The keys the mode takes in one line fitted to the width, or the session's notice with the help key. */
export function HelpBar({width, notice, mode, color}: {readonly width: number; readonly notice: string; readonly mode: Mode; readonly color: boolean}) {
	return <Lines lines={[helpBarLine(width, notice, mode)]} width={width} color={color} />;
}
