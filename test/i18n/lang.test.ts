import assert from 'node:assert/strict';
import {test} from 'node:test';
import {langFromEnv} from '../../source/i18n/lang.js';
import {parseOptions} from '../../source/cli/options.js';
import {UsageError} from '../../source/config/errors.js';
import {setLang, t} from '../../source/i18n/catalogue.js';

test('the language comes from the locale: pt* → pt, anything else → en', () => {
	assert.equal(langFromEnv({}), 'en');
	assert.equal(langFromEnv({LANG: 'pt_BR.UTF-8'}), 'pt');
	assert.equal(langFromEnv({LANG: 'pt'}), 'pt');
	assert.equal(langFromEnv({LANG: 'pt-PT'}), 'pt');
	assert.equal(langFromEnv({LANG: 'en_US.UTF-8'}), 'en');
	assert.equal(langFromEnv({LANG: 'C'}), 'en');
	assert.equal(langFromEnv({LANG: 'ptx'}), 'en');
	assert.equal(langFromEnv({LANGUAGE: 'pt_BR:en'}), 'pt');
});

test('LC_ALL wins over LC_MESSAGES over LANG over LANGUAGE; empty values are skipped', () => {
	assert.equal(langFromEnv({LC_ALL: 'en_US.UTF-8', LANG: 'pt_BR.UTF-8'}), 'en');
	assert.equal(langFromEnv({LC_ALL: '', LC_MESSAGES: 'pt_BR.UTF-8', LANG: 'en_US'}), 'pt');
	assert.equal(langFromEnv({LANG: 'en_US', LANGUAGE: 'pt'}), 'en');
	assert.equal(langFromEnv({LANG: '', LANGUAGE: 'pt'}), 'pt');
});

test('--lang wins over the locale; an unknown language is a usage error', () => {
	assert.equal(parseOptions({lang: 'en'}, [], {LANG: 'pt_BR.UTF-8'}).lang, 'en');
	assert.equal(parseOptions({}, [], {LANG: 'pt_BR.UTF-8'}).lang, 'pt');
	assert.equal(parseOptions({lang: 'pt'}, [], {}).lang, 'pt');
	assert.throws(() => parseOptions({lang: 'fr'}, [], {}), (error: unknown) =>
		error instanceof UsageError && error.message === "unknown lang 'fr' (choose one of: en, pt)");
});

test('the catalogue answers in the language set, and in English for what it does not know', () => {
	try {
		setLang('pt');
		assert.equal(t('waiting on I/O'), 'esperando I/O');
		assert.equal(t('idle'), 'ociosa');
		assert.equal(t('no such string'), 'no such string');
		setLang('en');
		assert.equal(t('waiting on I/O'), 'waiting on I/O');
	} finally {
		setLang('en');
	}
});

test('--autoplay takes seconds; alone it means the default; bad values are usage errors', () => {
	assert.equal(parseOptions({}, ['tour'], {}).autoplay, null);
	assert.equal(parseOptions({autoplay: '3'}, ['tour'], {}).autoplay, 3);
	assert.equal(parseOptions({autoplay: ''}, ['tour'], {}).autoplay, 8);
	assert.throws(() => parseOptions({autoplay: 'soon'}, ['tour'], {}), UsageError);
	assert.throws(() => parseOptions({autoplay: '-1'}, ['tour'], {}), UsageError);
});
