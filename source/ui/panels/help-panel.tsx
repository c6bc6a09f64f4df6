import {MODES, type Mode} from '../../config/config.js';
import {factsOf} from '../../config/modes.js';
import {KEY_HELP, stepsText, takes} from '../hooks/keys.js';
import {EXTRA_LESSONS} from '../lines/lessons.js';
import {Lines} from '../text/line-text.js';
import {type Line, type Seg, fitLine, padEnd, rule, seg} from '../text/text.js';
import {t} from '../../i18n/catalogue.js';

export type HelpProps = {
	readonly mode: Mode;
	/** The counts `n` cycles through (View.requestSteps). */
	readonly requestSteps: readonly number[];
	readonly width: number;
	readonly height: number;
	readonly color: boolean;
};

export function helpLines({mode, requestSteps, width, height}: Omit<HelpProps, 'color'>): Line[] {
	const columns = width >= 60 ? 2 : 1;
	const columnWidth = Math.min(40, Math.floor((width - (columns - 1) * 2) / columns));
	// The key column: the longest key name and a space ('space' in English, 'espaço' in Portuguese).
	const keyWidth = Math.max(...KEY_HELP.map(({key}) => t(key).length + 1));
	// The keys this mode refuses are dimmed (they change nothing here).
	const entries: Seg[][] = KEY_HELP.map((help) => [
		seg(padEnd(t(help.key), keyWidth), takes(mode, help) ? 'key' : 'muted'),
		seg(padEnd(t(help.long).replace('{steps}', stepsText(requestSteps)), columnWidth - keyWidth), takes(mode, help) ? undefined : 'muted'),
	]);
	const perColumn = Math.ceil(entries.length / columns);
	const keyRows: Line[] = [];
	for (let r = 0; r < perColumn; r++) {
		const row: Seg[] = [];
		for (let k = 0; k < columns; k++) {
			const entry = entries[k * perColumn + r];
			if (entry) {
				row.push(...(k > 0 ? [seg('  ')] : []), ...entry);
			}
		}

		keyRows.push(row);
	}

	const lessonRows: Line[] = MODES.map((m, i) => {
		const here = m === mode;
		return [
			seg(here ? '▸' : ' ', 'accent'),
			seg(`${i + 1} `, 'key'),
			seg(padEnd(m, 18), here ? 'accent' : 'title'),
			seg(t(factsOf(m).lesson.io), here ? undefined : 'muted'),
		];
	});
	const extraRows: Line[] = EXTRA_LESSONS.map(([what, lesson]) => [seg('  '), seg(padEnd(what, 19), 'key'), seg(t(lesson), 'muted')]);
	return [
		rule(t('keys'), width),
		...keyRows,
		rule(t('what to look for'), width),
		...lessonRows,
		...extraRows,
	]
		.slice(0, Math.max(0, height))
		.map((line) => fitLine(line, width));
}

/** Full help (`?`): every key, then one line per mode on what the screen shows. */
export function Help(props: HelpProps) {
	return <Lines lines={helpLines(props)} width={props.width} color={props.color} />;
}
