"""`--check [MODULE…]`: one JSON line saying what this interpreter has (version, GIL, modules), for concviz to decide before a run."""
import importlib
import json
import sys


def check(modules):
    missing = []
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - any failure to import is a missing module
            missing.append(name)
    probe = getattr(sys, '_is_gil_enabled', None)
    print(json.dumps({'version': list(sys.version_info[:3]), 'gil': True if probe is None else bool(probe()),
                      'missing': missing, 'executable': sys.executable}))
    return 0
