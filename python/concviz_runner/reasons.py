"""Failures in the words of concviz's table (source/workloads/reasons.ts), from Python's exceptions."""
import errno
import socket

# errno names as Node spells its codes, and the words concviz shows for them.
WORDS = {
    'ETIMEDOUT': ('timeout', True),
    'ECONNRESET': ('connection reset', True),
    'EPIPE': ('connection reset', True),
    'ECONNREFUSED': ('connection refused', True),
    'ENOTFOUND': ('DNS lookup failed', True),
    'EAI_AGAIN': ('DNS lookup failed', True),
    'EHOSTUNREACH': ('host unreachable', True),
    'ENETUNREACH': ('network unreachable', True),
    'EADDRNOTAVAIL': ('no local address or port free', True),
    'EMFILE': ('too many open files', True),
}
CUT_SHORT = {'ECONNRESET', 'EPIPE'}


class Timeout(Exception):
    """The whole request's deadline passed."""


def _chain(error):
    seen = []
    stack = [error]
    while stack and len(seen) < 12:
        e = stack.pop()
        if e is None or any(e is s for s in seen):
            continue
        seen.append(e)
        stack.extend([getattr(e, 'reason', None), e.__cause__, e.__context__])
        stack.extend(a for a in getattr(e, 'args', ()) if isinstance(a, BaseException))
    return seen


def _code(error):
    for e in _chain(error):
        if isinstance(e, socket.gaierror):
            return 'EAI_AGAIN' if e.errno == socket.EAI_AGAIN else 'ENOTFOUND'
        if isinstance(e, OSError) and isinstance(e.errno, int) and e.errno in errno.errorcode:
            return errno.errorcode[e.errno]
    return None


def _named(chain, *names):
    return any(type(e).__name__ in names for e in chain)


def reason_of(error, phase='response'):
    """`connection refused (ECONNREFUSED)`, `timeout`, `body cut short (ECONNRESET)`, … as Node's table says."""
    chain = _chain(error)
    if _named(chain, 'Timeout', 'TimeoutError', 'ConnectTimeout', 'ReadTimeout', 'ReadTimeoutError',
              'ConnectTimeoutError', 'ServerTimeoutError', 'timeout'):
        return 'timeout'
    if _named(chain, 'TooManyRedirects', 'TooManyRedirectsError'):
        return 'too many redirects'
    code = _code(error)
    if code is not None:
        if phase == 'body' and code in CUT_SHORT:
            return 'body cut short (%s)' % code
        words = WORDS.get(code)
        if words:
            return '%s (%s)' % (words[0], code) if words[1] else words[0]
        return 'request failed (%s)' % code
    if _named(chain, 'RemoteDisconnected', 'ServerDisconnectedError'):
        return 'connection closed by the server'
    if _named(chain, 'IncompleteRead', 'ChunkedEncodingError', 'ContentLengthError', 'ClientPayloadError'):
        return 'body cut short'
    if _named(chain, 'BadStatusLine', 'LineTooLong', 'BadHttpMessage', 'ClientResponseError', 'HTTPException'):
        return 'not an HTTP response'
    first = str(error).split('\n')[0].strip()[:60]
    return first or type(error).__name__


def status_reason(status):
    return 'too many redirects (status %d)' % status if 300 <= status < 400 else 'status %d' % status
