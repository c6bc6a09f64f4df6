"""The runner's side of the pipe to concviz: events packed in batches, control messages as JSON.

A frame is a 4-byte little-endian length, then a kind byte and its payload:
  b'B': a batch: count (u32), reasons length (u32), the reasons as a JSON list,
        then count * STRIDE float64 (little-endian), the layout of source/events/events.ts;
  b'J': one JSON message (want, stopped, died, thread, hello, pool-start, error).
Events never cross the pipe one by one: a Batcher packs them and sends every
BATCH_MAX_DELAY_S or BATCH_MAX_EVENTS, whichever comes first.
"""
import json
import struct
import threading
import time
from array import array

STRIDE = 9
KIND = {'worker-up': 0, 'worker-exit': 1, 'task-start': 2, 'task-end': 3, 'state': 4, 'sample': 5}
STATES = {'computing': 0, 'io': 1, 'gil': 2, 'idle': 3}
OUTCOMES = {'completed': 0, 'failed': 1, 'cancelled': 2}
BATCH_MAX_EVENTS = 500
BATCH_MAX_DELAY_S = 0.05


def now_ms():
    """Epoch ms with sub-ms precision, the clock of concviz's events."""
    return time.time_ns() / 1e6


def frame(kind, payload):
    return struct.pack('<IB', len(payload) + 1, kind) + payload


def json_frame(message):
    return frame(ord('J'), json.dumps(message, separators=(',', ':')).encode())


class Batcher:
    """Events of one process's lanes, packed; `send(bytes)` writes one frame (thread-safe)."""

    def __init__(self, send):
        self._send = send
        self._lock = threading.Lock()
        self._data = array('d')
        self._reasons = []
        self._count = 0
        self._stopped = False
        threading.Thread(target=self._tick, name='cz-flush', daemon=True).start()

    def _tick(self):
        while not self._stopped:
            time.sleep(BATCH_MAX_DELAY_S)
            self.flush()

    def _reason(self, reason):
        if not reason:
            return -1
        try:
            return self._reasons.index(reason)
        except ValueError:
            self._reasons.append(reason)
            return len(self._reasons) - 1

    def _push(self, row, reason=''):
        with self._lock:
            if reason:
                row = row[:8] + (self._reason(reason),)
            self._data.extend(row)
            self._count += 1
            full = self._count >= BATCH_MAX_EVENTS
        if full:
            self.flush()

    def worker_up(self, worker, pid, process, thread):
        self._push((KIND['worker-up'], worker, 0, now_ms(), pid, process, thread, 0, 0))

    def task_start(self, worker, task, t):
        self._push((KIND['task-start'], worker, task, t, 0, 0, 0, 0, 0))

    def task_end(self, worker, task, t0, outcome, status, nbytes, reason):
        t = now_ms()
        self._push((KIND['task-end'], worker, task, t, OUTCOMES[outcome], status, nbytes, t - t0, -1), reason)

    def state(self, worker, state):
        self._push((KIND['state'], worker, 0, now_ms(), STATES[state], 0, 0, 0, 0))

    def flush(self):
        with self._lock:
            if self._count == 0:
                return
            data, reasons, count = self._data, self._reasons, self._count
            self._data, self._reasons, self._count = array('d'), [], 0
            if data.itemsize != 8:
                raise RuntimeError('float64 arrays are needed')
            names = json.dumps(reasons, separators=(',', ':')).encode()
            payload = struct.pack('<II', count, len(names)) + names + data.tobytes()
            # Sent under the lock, so batches leave in the order their events were made.
            self._send(frame(ord('B'), payload))

    def close(self):
        self.flush()
        self._stopped = True


class StdoutLink:
    """The runner's main process: frames go straight to concviz on stdout."""

    def __init__(self, stream):
        self._stream = stream
        self._lock = threading.Lock()
        self.broken = False

    def send(self, data):
        with self._lock:
            if self.broken:
                return
            try:
                self._stream.write(data)
                self._stream.flush()
            except (BrokenPipeError, OSError, ValueError):
                self.broken = True

    def message(self, message):
        self.send(json_frame(message))


class ConnLink:
    """A child process: frames go to the runner's main process over a multiprocessing pipe, relayed as they are."""

    def __init__(self, conn):
        self._conn = conn
        self._lock = threading.Lock()

    def send(self, data):
        with self._lock:
            try:
                self._conn.send_bytes(data)
            except (BrokenPipeError, OSError, EOFError):
                pass

    def message(self, message):
        self.send(json_frame(message))
