"""The runner's main process: imports what the talk's program imports, calibrates the CPU kernel,
starts the pool, then relays concviz's control (stdin, JSON lines) to the lanes and their frames to stdout."""
import json
import os
import signal
import sys
import threading
import time

from .kernel import calibrate
from .pool import IN_PROCESS, Children, make_lanes, route, run_lanes, stdin_lines
from .wire import Batcher, StdoutLink, now_ms


def gil_enabled():
    probe = getattr(sys, '_is_gil_enabled', None)
    return True if probe is None else bool(probe())


def clients_of(spec):
    """`import requests` (blocking modes) or `import aiohttp` (loop modes), as the talk's programs do, before the pool starts."""
    if spec['work'] == 'cpu':
        return {}
    if spec['mode'] in ('async', 'processes-async'):
        import aiohttp  # noqa: PLC0415
        return {'aiohttp': aiohttp}
    import requests  # noqa: PLC0415
    return {'requests': requests}


def main(argv):
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    spec = json.loads(argv[1])
    out = StdoutLink(sys.stdout.buffer)
    clients = clients_of(spec)
    units, per_ms = calibrate(spec['cpuMs']) if spec['work'] != 'io' else (0, 0)
    spec['units'] = units
    out.message({'type': 'hello', 'pid': os.getpid(), 'version': sys.version.split()[0], 'gil': gil_enabled(),
                 'units': units, 'unitsPerMs': per_ms, 'startMethod': start_method(spec)})
    out.message({'type': 'pool-start', 't': now_ms()})
    if spec['mode'] in IN_PROCESS:
        run_here(spec, out, clients)
    else:
        run_children(spec, out, clients)


def start_method(spec):
    if spec['mode'] in IN_PROCESS:
        return None
    import multiprocessing  # noqa: PLC0415
    return multiprocessing.get_start_method()


def end(code=0):
    sys.stdout.flush()
    os._exit(code)


def run_here(spec, out, clients):
    batcher = Batcher(out.send)
    lanes = make_lanes(spec, out, batcher, 0, clients)

    def listen():
        for message in stdin_lines():
            if message['type'] == 'close':
                break
            route(lanes, message)
        batcher.flush()
        end(0)

    threading.Thread(target=listen, name='cz-control', daemon=True).start()
    run_lanes(lanes)
    batcher.close()
    threading.Event().wait()


def run_children(spec, out, clients):
    children = Children(spec, out, clients)
    for p in range(spec['workers']):
        children.start(p)
    for message in stdin_lines():
        if message['type'] == 'close':
            break
        if message['type'] == 'spawn':
            children.start(message['process'])
        else:
            children.route(message)
    children.close()
    end(0)


if __name__ == '__main__':
    main(sys.argv)
