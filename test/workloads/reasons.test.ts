import assert from 'node:assert/strict';
import {test} from 'node:test';
import {TIMEOUT_CODE} from '../../source/workloads/deadlines.js';
import {reasonOf, statusReason} from '../../source/workloads/reasons.js';

const coded = (code: string, message = 'x'): Error => Object.assign(new Error(message), {code});

test('reasonOf: codes in words, the code in brackets where it helps', () => {
	assert.equal(reasonOf(coded('ECONNRESET')), 'connection reset (ECONNRESET)');
	assert.equal(reasonOf(coded('ECONNREFUSED')), 'connection refused (ECONNREFUSED)');
	assert.equal(reasonOf(coded('UND_ERR_SOCKET')), 'connection closed by the server (UND_ERR_SOCKET)');
	assert.equal(reasonOf(coded('UND_ERR_HEADERS_TIMEOUT')), 'timeout');
	assert.equal(reasonOf(coded('UND_ERR_CONNECT_TIMEOUT')), 'timeout');
	assert.equal(reasonOf(coded(TIMEOUT_CODE)), 'timeout');
	assert.equal(reasonOf(coded('UND_ERR_RES_CONTENT_LENGTH_MISMATCH')), 'body cut short (UND_ERR_RES_CONTENT_LENGTH_MISMATCH)');
});

test('reasonOf looks into causes and aggregates (fetch, happy eyeballs)', () => {
	assert.equal(reasonOf(new TypeError('fetch failed', {cause: coded('ENOTFOUND')})), 'DNS lookup failed (ENOTFOUND)');
	assert.equal(reasonOf(new AggregateError([coded('ECONNREFUSED')])), 'connection refused (ECONNREFUSED)');
});

test('reasonOf: a socket error once the body has begun means the body was cut short', () => {
	assert.equal(reasonOf(coded('UND_ERR_SOCKET'), 'body'), 'body cut short (UND_ERR_SOCKET)');
	assert.equal(reasonOf(coded('ECONNRESET'), 'body'), 'body cut short (ECONNRESET)');
	assert.equal(reasonOf(coded(TIMEOUT_CODE), 'body'), 'timeout');
});

test('reasonOf: parser errors, undici argument errors by their message, unknown codes, no code', () => {
	assert.equal(reasonOf(Object.assign(new Error('Response does not match'), {name: 'HTTPParserError', code: undefined})), 'not an HTTP response');
	assert.equal(reasonOf(coded('HPE_INVALID_CONSTANT')), 'not an HTTP response (HPE_INVALID_CONSTANT)');
	assert.equal(reasonOf(coded('UND_ERR_INVALID_ARG', 'Redirect loop detected. Cannot redirect to http://a')), 'too many redirects');
	assert.equal(reasonOf(coded('UND_ERR_INVALID_ARG', 'Invalid URL protocol: the URL must start with `http:` or `https:`.')), 'redirect to a non-HTTP URL refused');
	assert.equal(reasonOf(coded('E_SOMETHING_NEW')), 'request failed (E_SOMETHING_NEW)');
	assert.equal(reasonOf(new Error('something odd\nwith detail')), 'something odd');
	assert.equal(reasonOf('x'.repeat(100)).length, 60);
});

test('reasonOf: undici\'s assert on a status it cannot use, a Location that is no URL', () => {
	assert.equal(reasonOf(coded('ERR_ASSERTION', 'The expression evaluated to a falsy value:\n\n  assert(statusCode >= 100)\n')), 'invalid status line');
	assert.equal(reasonOf(coded('ERR_ASSERTION', 'The expression evaluated to a falsy value:\n\n  assert(!this.paused)\n')), 'request failed (ERR_ASSERTION)');
	assert.equal(reasonOf(Object.assign(new TypeError('Invalid URL'), {code: 'ERR_INVALID_URL'})), 'bad redirect location');
});

test('statusReason: a 3xx left after following redirects means they ran out', () => {
	assert.equal(statusReason(500, false), 'status 500');
	assert.equal(statusReason(302, false), 'status 302');
	assert.equal(statusReason(302, true), 'too many redirects (status 302)');
});
