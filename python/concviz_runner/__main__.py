"""`python3 python/concviz_runner SPEC_JSON`: checks the interpreter, then runs (see runner.py)."""
import os
import sys

if __package__ in (None, ''):
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    __package__ = 'concviz_runner'  # noqa: A001

from concviz_runner.check import check  # noqa: E402

if len(sys.argv) >= 2 and sys.argv[1] == '--check':
    sys.exit(check(sys.argv[2:]))

from concviz_runner.runner import main  # noqa: E402

main(sys.argv)
