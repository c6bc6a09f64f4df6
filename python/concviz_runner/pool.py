"""The runner's lanes in this process (sequential, threads, async) or in P child processes made by
multiprocessing (processes, processes-threads, processes-async), and the relay of their frames."""
import json
import multiprocessing
import os
import signal
import sys
import threading
import time

from .lanes import BlockingLane, LoopLane
from .wire import Batcher, ConnLink

BLOCKING = {'sequential', 'processes', 'threads', 'processes-threads'}
IN_PROCESS = {'sequential', 'threads', 'async'}


def lanes_per_process(spec):
    mode = spec['mode']
    if mode == 'threads':
        return spec['workers']
    if mode == 'processes-threads':
        return spec['threads']
    return 1


def make_lanes(spec, link, batcher, process, clients):
    per = lanes_per_process(spec)
    lanes = []
    for i in range(per):
        args = (spec, link, batcher, process * per + i, process, i)
        if spec['mode'] in BLOCKING:
            lanes.append(BlockingLane(*args, requests=clients.get('requests')))
        else:
            lanes.append(LoopLane(*args, aiohttp=clients.get('aiohttp')))
    return lanes


def run_lanes(lanes):
    """The first lane on this thread (the talk's main thread, or a Pool process's), the others on threads of their own."""
    threads = [threading.Thread(target=lane.run, name='cz-lane', daemon=True) for lane in lanes[1:]]
    for thread in threads:
        thread.start()
    lanes[0].run()
    for thread in threads:
        thread.join()


def route(lanes, message, base=0):
    if message['type'] == 'grant':
        lane = message['worker'] - base
        if 0 <= lane < len(lanes):
            lanes[lane].control(message)
    else:
        for lane in lanes:
            lane.control(message)


def child_main(spec, process, conn, clients):
    """One lane process: its lanes, its batcher, its pipe to the runner; it ends when the runner is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    link = ConnLink(conn)
    batcher = Batcher(link.send)
    lanes = make_lanes(spec, link, batcher, process, clients)
    base = process * len(lanes)

    def listen():
        while True:
            try:
                message = json.loads(conn.recv_bytes())
            except (EOFError, OSError):
                os._exit(0)
            if message['type'] == 'close':
                os._exit(0)
            route(lanes, message, base)

    threading.Thread(target=listen, name='cz-control', daemon=True).start()
    threading.Thread(target=watch_parent, args=(os.getppid(),), name='cz-watch', daemon=True).start()
    try:
        run_lanes(lanes)
    except BaseException:  # noqa: BLE001 - a lane that crashed takes its process down, as a Pool worker's death
        batcher.flush()
        os._exit(70)
    batcher.close()
    link.message({'type': 'bye'})
    # Stay until the runner says close (or is gone): an exit now would read as a death.
    threading.Event().wait()


def watch_parent(ppid):
    """A lane process whose runner is gone (killed -9) ends within a fifth of a second."""
    while os.getppid() == ppid:
        time.sleep(0.2)
    os._exit(0)


class Children:
    """P lane processes, started with multiprocessing's default start method (what Pool(P) uses),
    each relayed to concviz; a death is reported for its lanes (concviz decides whether to replace it)."""

    def __init__(self, spec, out, clients):
        self.spec, self.out, self.clients = spec, out, clients
        self.context = multiprocessing.get_context()
        self.procs = {}
        self.closing = False

    def start(self, p):
        parent, child = self.context.Pipe()
        proc = self.context.Process(target=child_main, args=(self.spec, p, child, self.clients), daemon=True)
        proc.start()
        child.close()
        self.procs[p] = (proc, parent)
        threading.Thread(target=self._relay, args=(p, proc, parent), name='cz-relay', daemon=True).start()

    def _relay(self, p, proc, conn):
        clean = False
        while True:
            try:
                data = conn.recv_bytes()
            except (EOFError, OSError):
                break
            if data[4:5] == b'J' and b'"bye"' in data[:32]:
                clean = True
                continue
            self.out.send(data)
        proc.join(1)
        code = proc.exitcode if proc.exitcode is not None else 1
        code = 128 - code if code < 0 else code
        if not self.closing and not clean:
            per = lanes_per_process(self.spec)
            for i in range(per):
                self.out.message({'type': 'died', 'worker': p * per + i, 'code': code})

    def send(self, message, p=None):
        data = json.dumps(message).encode()
        targets = [self.procs[p]] if p is not None and p in self.procs else list(self.procs.values())
        for _, conn in targets:
            try:
                conn.send_bytes(data)
            except (OSError, EOFError):
                pass

    def route(self, message):
        if message['type'] == 'grant':
            self.send(message, message['worker'] // lanes_per_process(self.spec))
        else:
            self.send(message)

    def close(self):
        self.closing = True
        self.send({'type': 'close'})
        for proc, _ in list(self.procs.values()):
            proc.join(0.5)
            if proc.exitcode is None:
                proc.kill()


def read_control(stream):
    for line in stream:
        line = line.strip()
        if line:
            yield json.loads(line)


def stdin_lines():
    return read_control(sys.stdin.buffer)
