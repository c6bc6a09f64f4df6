import {TIMEOUT_CODE} from './deadlines.js';

/** Where a request was when it failed: waiting for its response (connect, headers) or reading its body. */
export type Phase = 'response' | 'body';

/**
 * The one table from error codes to the words a person reads: in the
 * dashboard, the plain summary and the JSON `failures`. `code` says whether
 * the code follows in brackets (where it helps someone who searches for it).
 */
const WORDS: Readonly<Record<string, {readonly words: string; readonly code: boolean}>> = {
	[TIMEOUT_CODE]: {words: 'timeout', code: false},
	UND_ERR_HEADERS_TIMEOUT: {words: 'timeout', code: false},
	UND_ERR_BODY_TIMEOUT: {words: 'timeout', code: false},
	UND_ERR_CONNECT_TIMEOUT: {words: 'timeout', code: false},
	ETIMEDOUT: {words: 'timeout', code: true},
	ECONNRESET: {words: 'connection reset', code: true},
	EPIPE: {words: 'connection reset', code: true},
	UND_ERR_SOCKET: {words: 'connection closed by the server', code: true},
	ECONNREFUSED: {words: 'connection refused', code: true},
	ENOTFOUND: {words: 'DNS lookup failed', code: true},
	EAI_AGAIN: {words: 'DNS lookup failed', code: true},
	EHOSTUNREACH: {words: 'host unreachable', code: true},
	ENETUNREACH: {words: 'network unreachable', code: true},
	EADDRNOTAVAIL: {words: 'no local address or port free', code: true},
	EMFILE: {words: 'too many open files', code: true},
	UND_ERR_RES_CONTENT_LENGTH_MISMATCH: {words: 'body cut short', code: true},
	UND_ERR_HEADERS_OVERFLOW: {words: 'response headers too large', code: true},
	UND_ERR_MAX_REDIRECTIONS: {words: 'too many redirects', code: false},
	UND_ERR_CLOSED: {words: 'cancelled', code: false},
	UND_ERR_DESTROYED: {words: 'cancelled', code: false},
	UND_ERR_ABORTED: {words: 'cancelled', code: false},
	DEPTH_ZERO_SELF_SIGNED_CERT: {words: 'TLS certificate refused', code: true},
	SELF_SIGNED_CERT_IN_CHAIN: {words: 'TLS certificate refused', code: true},
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: {words: 'TLS certificate refused', code: true},
	CERT_HAS_EXPIRED: {words: 'TLS certificate refused', code: true},
	ERR_TLS_CERT_ALTNAME_INVALID: {words: 'TLS certificate refused', code: true},
	ERR_SSL_WRONG_VERSION_NUMBER: {words: 'TLS handshake failed', code: true},
	// Every URL a request starts from is parsed before it is sent: one undici cannot parse is a redirect's Location.
	ERR_INVALID_URL: {words: 'bad redirect location', code: false},
};

/** Socket errors that, once the body has begun, mean it was cut short. */
const CUT_SHORT = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** What undici's InvalidArgumentError messages mean (it gives them all one code, UND_ERR_INVALID_ARG). */
const MESSAGES: ReadonlyArray<readonly [RegExp, string]> = [
	[/redirect loop|max redirects|redirect.*(?:limit|max)|maxRedirections/i, 'too many redirects'],
	[/protocol|scheme|only http|file:/i, 'redirect to a non-HTTP URL refused'],
];

const codeOf = (error: unknown): string | undefined => {
	const candidates = [error, (error as {cause?: unknown})?.cause, (error as {errors?: unknown[]})?.errors?.[0]];
	for (const candidate of candidates) {
		const code = (candidate as {code?: unknown})?.code;
		if (typeof code === 'string' && code !== '') {
			return code;
		}
	}

	return undefined;
};

const firstLine = (error: unknown): string => {
	const message = error instanceof Error ? error.message : String(error);
	return message.split('\n')[0]!.trim().slice(0, 60);
};

/**
 * A failure in words: `connection reset (ECONNRESET)`, `too many redirects`,
 * `timeout`, `not an HTTP response (HPE_INVALID_CONSTANT)` …; an unknown code
 * as `request failed (CODE)`, an error without one by its first line.
 */
export function reasonOf(error: unknown, phase: Phase = 'response'): string {
	const code = codeOf(error);
	if ((error as {name?: unknown})?.name === 'HTTPParserError') {
		return code === undefined ? 'not an HTTP response' : `not an HTTP response (${code})`;
	}

	if (code === undefined) {
		return firstLine(error) || 'request failed';
	}

	if (phase === 'body' && CUT_SHORT.has(code)) {
		return `body cut short (${code})`;
	}

	const known = WORDS[code];
	if (known) {
		return known.code ? `${known.words} (${code})` : known.words;
	}

	if (code.startsWith('HPE_')) {
		return `not an HTTP response (${code})`;
	}

	// undici's asserts that name statusCode fail on a status it cannot use (a status line of `000`).
	if (code === 'ERR_ASSERTION' && /statusCode/.test(error instanceof Error ? error.message : '')) {
		return 'invalid status line';
	}

	if (code === 'UND_ERR_INVALID_ARG') {
		const message = firstLine(error);
		const match = MESSAGES.find(([pattern]) => pattern.test(message));
		if (match) {
			return match[1];
		}
	}

	return `request failed (${code})`;
}

/** The reason of a response outside 2xx; a 3xx when redirects are followed means they ran out. */
export const statusReason = (status: number, followsRedirects: boolean): string =>
	followsRedirects && status >= 300 && status < 400 ? `too many redirects (status ${status})` : `status ${status}`;
