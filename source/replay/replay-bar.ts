import {t} from '../i18n/catalogue.js';
import {formatClock as clock} from '../ui/text/screen-format.js';
import {type Line, type Seg, fitLine, lineWidth, seg, spread} from '../ui/text/text.js';
import {speedText, type PlayerState} from './player.js';
import {REPLAY_KEYS} from './replay-keys.js';

export type ReplayBarInput = {
	readonly recordedAt: number;
	readonly cores: number;
	readonly player: PlayerState;
	readonly durationMs: number;
	/** The file was cut short (its session killed): where it ends, in playback ms. */
	readonly cutAtMs: number | null;
	readonly width: number;
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-12-02 16:42`, the recording's local time. */
export function recordedText(epochMs: number): string {
	const d = new Date(epochMs);
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The line over the dashboard, so that no one takes it for a live run: `replay · recorded <date> on <cores> cores · ×2`, and where it is. */
export function replayHeaderLine(input: ReplayBarInput): Line {
	const {player, width} = input;
	const what = t('replay · recorded {date} on {cores} cores').replace('{date}', recordedText(input.recordedAt)).replace('{cores}', String(input.cores));
	const left: Seg[] = [seg(what, 'accent'), seg(' · ', 'muted'), seg(speedText(player), 'accent')];
	const state = player.paused ? seg(`❚❚ ${t('paused')}`, 'warn') : seg('▶', 'good');
	const cut: Seg[] = input.cutAtMs === null ? [] : [seg(t('cut short at {at}').replace('{at}', clock(input.cutAtMs)), 'warn'), seg('  ')];
	const right: Seg[] = [...cut, state, seg(' '), seg(`${clock(player.at)} / ${clock(input.durationMs)}`, 'title')];
	if (lineWidth(left) + 1 + lineWidth(right) <= width) {
		return spread(left, right, width);
	}

	return fitLine([...left, seg(' '), ...right.filter(s => s !== cut[0])], width);
}

/** The keys of a replay in place of the live key bar; a notice, when there is one, before them. */
export function replayKeysLine(notice: string, width: number): Line {
	const keys: Seg[] = REPLAY_KEYS.flatMap(([key, words], i) => [...(i > 0 ? [seg('  ')] : []), seg(t(key), 'key'), seg(` ${t(words)}`, 'muted')]);
	if (notice) {
		return fitLine([seg('! ', 'warn'), seg(t(notice), 'warn')], width);
	}

	return fitLine(keys, width);
}
