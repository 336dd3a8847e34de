#!/usr/bin/python3
"""Differential check of the native world modules (sim, aiohttp, requests) against
the reference ones (tools/world/) under the CPython runner.

    /usr/bin/python3 tests/interp/world/compare_world.py --looplab build-x/looplab [FILE.py ...]

Without files: every *.py in this directory and in tests/world/. For each file runs
`looplab run FILE --ticks A` and `/usr/bin/python3 tools/cpython_runner.py FILE --ticks B`
and requires identical stdout, exit code, last stderr line (hex addresses
normalised) and --ticks file. A first-line comment `# looplab-args: --until 3` is
passed to both. Prints one line per file (and diffs on a mismatch); exits 1 if any
file differs.
"""

import argparse
import difflib
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
RUNNER = os.path.join(ROOT, 'tools', 'cpython_runner.py')
PYTHON = '/usr/bin/python3'
ARGS_MARK = '# looplab-args:'


def extra_args(path):
    with open(path, encoding='utf-8') as f:
        first = f.readline().strip()
    return shlex.split(first[len(ARGS_MARK):]) if first.startswith(ARGS_MARK) else []


def normalise(text):
    return re.sub(r'0x[0-9a-fA-F]+', '0x?', text)


def run(cmd, ticks):
    env = {k: v for k, v in os.environ.items() if k != 'PYTHONHASHSEED'}
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, env=env)
    try:
        with open(ticks, encoding='utf-8') as f:
            tick_text = f.read()
    except OSError:
        tick_text = '<no ticks file>'
    lines = proc.stderr.rstrip('\n').split('\n')
    return {'stdout': normalise(proc.stdout), 'exit code': str(proc.returncode),
            'last stderr line': normalise(lines[-1]) if proc.stderr else '', 'ticks': tick_text}


def compare(looplab, path, verbose):
    args = extra_args(path)
    with tempfile.TemporaryDirectory() as tmp:
        a, b = os.path.join(tmp, 'looplab.ticks'), os.path.join(tmp, 'cpython.ticks')
        got = run([looplab, 'run', path, '--ticks', a, *args], a)
        want = run([PYTHON, RUNNER, path, '--ticks', b, *args], b)
    bad = [k for k in want if got[k] != want[k]]
    name = os.path.relpath(path, ROOT)
    print(('ok   ' if not bad else 'DIFF ') + name + ('' if not bad else '  (' + ', '.join(bad) + ')'))
    if bad and verbose:
        for k in bad:
            diff = difflib.unified_diff(want[k].splitlines(), got[k].splitlines(),
                                        'cpython ' + k, 'looplab ' + k, lineterm='')
            print('\n'.join('    ' + line for line in diff))
    return not bad


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--looplab', required=True)
    p.add_argument('-q', '--quiet', action='store_true', help='no diffs')
    p.add_argument('files', nargs='*')
    opts = p.parse_args()
    files = opts.files or sorted(glob.glob(os.path.join(HERE, '*.py')) +
                                 glob.glob(os.path.join(ROOT, 'tests', 'world', '*.py')))
    files = [f for f in files if os.path.basename(f) != os.path.basename(__file__)]
    results = [compare(os.path.abspath(opts.looplab), os.path.abspath(f), not opts.quiet) for f in files]
    print(f'{sum(results)}/{len(results)} identical')
    return 0 if all(results) else 1


if __name__ == '__main__':
    sys.exit(main())
