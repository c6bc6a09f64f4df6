"""One task's work: the talk's `requests.get(url)` (blocking lanes) or an aiohttp GET (loop lanes),
with one deadline for the whole request (connect, headers and body), and the CPU kernel."""
import time

from .kernel import run_kernel, seed_from_bytes
from .reasons import Timeout, reason_of, status_reason

CHUNK = 65536


class Result:
    __slots__ = ('outcome', 'status', 'bytes', 'reason', 'seed')

    def __init__(self, outcome, status=0, nbytes=0, reason='', seed=0):
        self.outcome, self.status, self.bytes, self.reason, self.seed = outcome, status, nbytes, reason, seed


def _remaining(deadline):
    left = deadline - time.monotonic()
    if left <= 0:
        raise Timeout('timeout')
    return left


def _socket_of(response):
    conn = getattr(response.raw, '_connection', None)
    return getattr(conn, 'sock', None)


def get_blocking(requests, url, timeout_s, keep_seed):
    """requests.get(url) as the talk writes it (no Session: a new connection each time), the body read
    in chunks and dropped; the socket's timeout is what is left of the deadline before each read."""
    deadline = time.monotonic() + timeout_s
    phase = 'response'
    try:
        left = _remaining(deadline)
        response = requests.get(url, timeout=(left, left), stream=True)
        phase = 'body'
        nbytes, seed = 0, 0x811C9DC5
        # http.client's read1 returns what has arrived (urllib3's read(n) waits for all n bytes).
        fp = getattr(response.raw, '_fp', None)
        read = fp.read1 if hasattr(fp, 'read1') else response.raw.read
        try:
            while True:
                sock = _socket_of(response)
                if sock is not None:
                    sock.settimeout(_remaining(deadline))
                chunk = read(CHUNK)
                if not chunk:
                    if getattr(fp, 'length', None):
                        return Result('failed', response.status_code, nbytes, 'body cut short')
                    break
                nbytes += len(chunk)
                if keep_seed and nbytes <= 4096 + len(chunk):
                    seed = seed_from_bytes(chunk, seed)
            _remaining(deadline)
        finally:
            response.close()
        status = response.status_code
        if 200 <= status < 300:
            return Result('completed', status, nbytes, '', seed)
        return Result('failed', status, nbytes, status_reason(status))
    except Exception as error:  # noqa: BLE001 - every failure is a reason in words
        return Result('failed', 0, 0, reason_of(error, phase))


async def get_async(session, aiohttp, url, timeout_s, keep_seed):
    """One GET on the loop's ClientSession, the whole request under ClientTimeout(total=…)."""
    phase = 'response'
    try:
        async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout_s)) as response:
            phase = 'body'
            nbytes, seed = 0, 0x811C9DC5
            async for chunk in response.content.iter_chunked(CHUNK):
                nbytes += len(chunk)
                if keep_seed and nbytes <= 4096 + len(chunk):
                    seed = seed_from_bytes(chunk, seed)
            status = response.status
        if 200 <= status < 300:
            return Result('completed', status, nbytes, '', seed)
        return Result('failed', status, nbytes, status_reason(status))
    except Exception as error:  # noqa: BLE001
        if type(error).__name__ in ('TimeoutError', 'ServerTimeoutError') or isinstance(error, TimeoutError):
            return Result('failed', 0, 0, 'timeout')
        return Result('failed', 0, 0, reason_of(error, phase))


def compute(units, seed):
    run_kernel(units, seed)
