#!/usr/bin/python3
"""Run an asyncio scenario under real CPython 3.11 on LoopLab's virtual clock.

The reference side of LoopLab's differential tests: the C++ runtime must print
what this prints (SPEC 2, 4). See docs/cpython-runner.md.

    /usr/bin/python3 tools/cpython_runner.py FILE.py [--until S] [--seed N]
                                             [--max-steps N] [--ticks OUT]
"""

import argparse
import os
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit(f'cpython_runner.py needs CPython 3.11 (/usr/bin/python3), '
             f'not {sys.version.split()[0]}')

# SPEC 4: str hashes are CPython's with PYTHONHASHSEED=0 (set iteration order
# of strings depends on it). The seed is fixed at start-up, so re-execute.
if os.environ.get('PYTHONHASHSEED') != '0':
    os.environ['PYTHONHASHSEED'] = '0'
    os.execv(sys.executable, [sys.executable] + sys.orig_argv[1:])

TOOLS = os.path.dirname(os.path.abspath(__file__))


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog='cpython_runner.py',
        description='Run FILE.py as __main__ under CPython 3.11 with asyncio on '
                    "LoopLab's deterministic virtual clock.",
        epilog='exit codes: 0 ok or limit reached, 1 uncaught exception or '
               'syntax error, 2 usage error, 3 deadlock')
    parser.add_argument('file', metavar='FILE.py', help='scenario to run')
    parser.add_argument('--until', type=float, default=300.0, metavar='S',
                        help='nothing due later than S seconds runs '
                             '(default 300)')
    parser.add_argument('--seed', type=int, default=0, metavar='N',
                        help='random.seed(N) before the run (default 0)')
    parser.add_argument('--max-steps', type=int, default=None, metavar='N',
                        help='stop after N task steps')
    parser.add_argument('--ticks', metavar='OUT',
                        help='write one line per task step: '
                             '"<clock %%.6f> <loop number> <task name>"')
    args = parser.parse_args(argv)
    if not os.path.isfile(args.file):
        parser.error(f"can't open file '{args.file}': no such file")
    if not args.until >= 0:
        parser.error('--until must be a number >= 0')
    if args.max_steps is not None and args.max_steps < 0:
        parser.error('--max-steps must be >= 0')
    return parser, args


def main(argv):
    parser, args = parse_args(argv)

    sys.path.insert(0, TOOLS)
    import looplab_cpython
    from looplab_cpython import clock

    try:
        if args.ticks:
            clock.open_ticks(args.ticks)
    except OSError as e:
        parser.error(f"can't write --ticks file: {e}")
    clock.until = args.until
    clock.max_steps = args.max_steps
    looplab_cpython.install()

    # As `python3 FILE.py` does: the code's file name and __file__ are the
    # absolute path (3.9+), sys.argv[0] is as given, sys.path[0] is the file's
    # directory. The world modules come next; the runner's directory is hidden.
    path = os.path.abspath(args.file)
    sys.argv = [args.file]
    sys.path[:] = [os.path.dirname(path), os.path.join(TOOLS, 'world')] + [
        p for p in sys.path[1:] if os.path.abspath(p or '.') != TOOLS]

    import random
    random.seed(args.seed)
    try:
        run_as_main(path)
    finally:
        # Uncaught exceptions and SystemExit go on to sys.excepthook / exit.
        clock.close_ticks()


def run_as_main(path):
    """runpy.run_path(path, run_name='__main__') would do, except that it sets
    sys.argv[0] to the absolute path and puts the old __main__ back afterwards;
    a real run keeps the scenario's module (and its pending tasks) alive until
    interpreter shutdown, which is when 'Task was destroyed' warnings print."""
    import builtins
    import importlib.machinery
    import types
    with open(path, 'rb') as f:
        source = f.read()
    module = types.ModuleType('__main__')
    module.__dict__.update(
        __file__=path, __cached__=None, __builtins__=builtins,
        __loader__=importlib.machinery.SourceFileLoader('__main__', path))
    sys.modules['__main__'] = module
    code = compile(source, path, 'exec', dont_inherit=True)
    exec(code, module.__dict__)


if __name__ == '__main__':
    main(sys.argv[1:])
