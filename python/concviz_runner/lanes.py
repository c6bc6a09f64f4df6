"""Lanes: a blocking lane runs one task at a time on its thread (the talk's requests.get), prefetching
one id; a loop lane keeps up to C tasks in flight on one asyncio loop. Both ask concviz for ids
(`want k`, at most one outstanding) and end every id they were granted exactly once."""
import asyncio
import collections
import ctypes
import os
import threading

from .fetch import Result, compute, get_async, get_blocking
from .wire import now_ms

PR_SET_NAME = 15
COMM = {'idle': b'cz-idle', 'io': b'cz-io', 'computing': b'cz-cpu'}


class States:
    """Where a lane's state goes: its thread's kernel name (/proc/<pid>/task/<tid>/comm, which concviz
    reads with the thread's CPU, no GIL needed), or, without /proc, state events in the batch."""

    def __init__(self, batcher, worker, via_comm):
        self._batcher, self._worker = batcher, worker
        self._prctl = ctypes.CDLL(None, use_errno=True).prctl if via_comm else None
        self._state = None

    def set(self, state):
        if state == self._state:
            return
        self._state = state
        if self._prctl is not None:
            self._prctl(PR_SET_NAME, COMM[state], 0, 0, 0)
        else:
            self._batcher.state(self._worker, state)


class Lane:
    """What both kinds share: identity, the ids held, the want, the end."""

    def __init__(self, spec, link, batcher, worker, process, thread):
        self.spec, self.link, self.batcher = spec, link, batcher
        self.worker, self.process, self.thread = worker, process, thread
        self.held = collections.deque()
        self.phase = 'open'  # open, last (no more ids will come), stopping, finished
        self.paused = False
        self.want_pending = False
        self.in_flight = 0

    def url_of(self, task, url):
        target = self.spec['target']
        if target['kind'] == 'list':
            return target['urls'][task % len(target['urls'])]
        return url if target['kind'] == 'granted' else '%s/r/%d' % (target['baseUrl'], task)

    def up(self):
        # A loop's state follows its tasks in flight (the kernel's view of it is its utilisation, sampled by concviz).
        via_comm = self.spec['states'] == 'comm' and isinstance(self, BlockingLane)
        self.states = States(self.batcher, self.worker, via_comm)
        self.link.message({'type': 'thread', 'worker': self.worker, 'pid': os.getpid(), 'tid': threading.get_native_id()})
        self.batcher.worker_up(self.worker, os.getpid(), self.process, self.thread)
        self.states.set('idle')
        self.batcher.flush()

    def take_grant(self, message):
        self.want_pending = False
        if message.get('done') and self.phase == 'open':
            self.phase = 'last'
        if self.phase in ('open', 'last'):
            urls = message.get('urls') or [None] * len(message['tasks'])
            self.held.extend(zip(message['tasks'], urls))

    def want(self, capacity):
        k = capacity - len(self.held) - self.in_flight
        if self.phase == 'open' and not self.want_pending and k > 0:
            self.want_pending = True
            self.link.message({'type': 'want', 'worker': self.worker, 'k': k})

    def finished(self):
        self.phase = 'finished'
        self.states.set('idle')
        self.batcher.flush()
        self.link.message({'type': 'stopped', 'worker': self.worker})


class BlockingLane(Lane):
    def __init__(self, *args, requests=None):
        super().__init__(*args)
        self.requests = requests
        self.cond = threading.Condition()

    def control(self, message):
        with self.cond:
            kind = message['type']
            if kind == 'grant':
                self.take_grant(message)
            elif kind == 'pause':
                self.paused = True
            elif kind == 'resume':
                self.paused = False
            elif kind == 'stop':
                if self.phase != 'finished':
                    self.phase = 'stopping'
                self.held.clear()
            self.cond.notify()

    def _next(self):
        with self.cond:
            while True:
                if self.phase in ('stopping', 'finished') or (self.phase == 'last' and not self.held):
                    return None
                if self.held and not self.paused:
                    item = self.held.popleft()
                    self.in_flight = 1
                    self.want(2)
                    return item
                self.want(2)
                self.cond.wait()

    def run(self):
        self.up()
        while True:
            item = self._next()
            if item is None:
                break
            self._task(*item)
        with self.cond:
            self.finished()

    def _task(self, task, url):
        t0 = now_ms()
        self.batcher.task_start(self.worker, task, t0)
        spec = self.spec
        result = Result('completed')
        if spec['work'] != 'cpu':
            self.states.set('io')
            result = get_blocking(self.requests, self.url_of(task, url), spec['timeoutMs'] / 1000, spec['work'] == 'mixed')
        if result.outcome == 'completed' and spec['work'] != 'io' and self.phase != 'stopping':
            self.states.set('computing')
            compute(spec['units'], result.seed if spec['work'] == 'mixed' else task)
        self.states.set('idle')
        with self.cond:
            self.in_flight = 0
            if self.phase == 'stopping':
                result = Result('cancelled', result.status, result.bytes, 'cancelled')
        self.batcher.task_end(self.worker, task, t0, result.outcome, result.status, result.bytes, result.reason)


class LoopLane(Lane):
    def __init__(self, *args, aiohttp=None):
        super().__init__(*args)
        self.aiohttp = aiohttp
        self.capacity = max(1, spec_concurrency(self.spec))
        self.tasks = set()
        self.loop = None
        self.ready = threading.Event()

    def control(self, message):
        self.ready.wait()
        try:
            self.loop.call_soon_threadsafe(self._control, message)
        except RuntimeError:
            pass  # the loop has ended

    def _control(self, message):
        kind = message['type']
        if kind == 'grant':
            self.take_grant(message)
        elif kind == 'pause':
            self.paused = True
        elif kind == 'resume':
            self.paused = False
        elif kind == 'stop':
            if self.phase != 'finished':
                self.phase = 'stopping'
            self.held.clear()
            for running in list(self.tasks):
                running.cancel()
        self._pump()

    def _pump(self):
        if self.phase in ('stopping', 'finished') or (self.phase == 'last' and not self.held):
            if self.in_flight == 0 and self.phase != 'finished':
                self.finished()
                if not self.done.done():
                    self.done.set_result(None)
            return
        while self.held and not self.paused and self.in_flight < self.capacity:
            task, url = self.held.popleft()
            self.in_flight += 1
            self.states.set('io')
            running = self.loop.create_task(self._task(task, url))
            self.tasks.add(running)
            running.add_done_callback(self.tasks.discard)
        self.want(self.capacity)
        if self.in_flight == 0:
            self.states.set('idle')

    async def _task(self, task, url):
        t0 = now_ms()
        self.batcher.task_start(self.worker, task, t0)
        spec = self.spec
        try:
            result = Result('completed')
            if spec['work'] != 'cpu':
                result = await get_async(self.session, self.aiohttp, self.url_of(task, url), spec['timeoutMs'] / 1000, spec['work'] == 'mixed')
            if result.outcome == 'completed' and spec['work'] != 'io':
                await asyncio.sleep(0)
                compute(spec['units'], result.seed if spec['work'] == 'mixed' else task)
        except asyncio.CancelledError:
            result = Result('cancelled', 0, 0, 'cancelled')
        if self.phase == 'stopping' and result.outcome != 'cancelled':
            result = Result('cancelled', result.status, result.bytes, 'cancelled')
        self.batcher.task_end(self.worker, task, t0, result.outcome, result.status, result.bytes, result.reason)
        self.in_flight -= 1
        self._pump()

    async def _main(self):
        self.loop = asyncio.get_running_loop()
        self.done = self.loop.create_future()
        connector = self.aiohttp.TCPConnector(limit=self.capacity) if self.aiohttp else None
        self.session = self.aiohttp.ClientSession(connector=connector) if self.aiohttp else None
        self.up()
        self.ready.set()
        self._pump()
        await self.done
        if self.session is not None:
            await self.session.close()

    def run(self):
        asyncio.run(self._main())


def spec_concurrency(spec):
    return spec['concurrency']
