import type {Mode, Work} from '../../config/config.js';
import {factsOf} from '../../config/modes.js';
import type {StartupCost} from '../../metrics/snapshot.js';
import {formatBytes, formatDuration} from '../text/screen-format.js';
import {t} from '../../i18n/catalogue.js';

export const EXTRA_LESSONS: readonly (readonly [string, string])[] = [
	['w → cpu', 'parallelism needs cores: async and sequential use one'],
	['g  GIL', 'CPU work in threads is serialised, as in CPython'],
];

/** `30ms & 31 MB a thread`: one worker's measured share of the start-up and the memory it adds. */
export function perWorkerText(cost: StartupCost): string {
	const template = cost.perWorkerBytes === null ? `{ms} a ${cost.kind}` : `{ms} & {mb} a ${cost.kind}`;
	return t(template).replace('{ms}', formatDuration(cost.perWorkerMs)).replace('{mb}', cost.perWorkerBytes === null ? '' : formatBytes(cost.perWorkerBytes));
}

/** What to look for in a mode, before its run starts (the hint under the lanes, ui/lines/hint.ts, takes over from the run's figures). */
export function lessonOf(mode: Mode, work: Work): string {
	return t(factsOf(mode).lesson[work === 'cpu' ? 'cpu' : 'io']);
}
