import {t} from '../i18n/catalogue.js';
import {count} from './format.js';
import type {View} from '../frontends/controller.js';

/** What the screen says while a run is being prepared (before its first snapshot). */
export function preparingText(preparing: View['preparing']): string {
	switch (preparing?.phase) {
		case 'kernel': {
			return t('calibrating the CPU kernel…');
		}

		case 'server': {
			return t('starting the embedded server…');
		}

		case 'client': {
			return t('calibrating what a request costs the client and the server…');
		}

		case 'burst': {
			return t('burst: {n} requests of the first rounds on fresh lanes (not part of the run)…').replace('{n}', count(preparing.requests));
		}

		case 'pilot': {
			return t("pilot: {n} requests to measure this pool's waits (not part of the run)…").replace('{n}', count(preparing.requests));
		}

		case undefined: {
			return t('starting workers…');
		}
	}
}
