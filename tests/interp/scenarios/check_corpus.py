#!/usr/bin/python3
"""Check the interpreter's differential-test corpus against the CPython runner.

    /usr/bin/python3 tests/interp/scenarios/check_corpus.py [-j N] [NAME_OR_GLOB ...]

For every scenario (tut_*.py, edge_*.py in this directory, or the ones named):
  * runs `/usr/bin/python3 tools/cpython_runner.py FILE --ticks T` twice and
    requires the two runs to agree on what the differential test compares
    (stdout, exit code, last stderr line, --ticks file), with hex addresses
    normalised (0x7f... -> 0x?) as the differential test does;
  * requires the exit code the scenario is meant to have (EXPECTED_EXIT below,
    0 otherwise) and a run shorter than SLOW seconds of real time;
  * checks statically that it stays in SPEC 2's subset: only the modules SPEC 2
    and 3 list, no match statement, no yield (generator expressions are
    fine), no metaclass, and (tutorials) the `# From: tutorials/...` header.

Prints one line per problem and a summary; exits 1 if anything failed.
"""

import argparse
import ast
import concurrent.futures
import fnmatch
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
RUNNER = os.path.join(ROOT, 'tools', 'cpython_runner.py')
PYTHON = '/usr/bin/python3'
TIMEOUT = 120   # seconds of real time before a run counts as hung
SLOW = 20       # seconds of real time above which a run is reported as slow

# Scenarios that are meant to end another way than exit 0.
# 1: an uncaught exception (traceback), 3: a deadlock (SPEC 4).
EXPECTED_EXIT = {
    'tut_002_aiohttp_timeout.py': 1,
    'tut_002_bounded_semaphore.py': 1,
    'tut_002_gather_exception.py': 1,
    'tut_002_queue_get_nowait_empty.py': 1,
    'tut_002_wait_coroutines.py': 1,
    'tut_004_display_date_run_forever.py': 3,
    'tut_004_mistake_coroutine_not_callable.py': 1,
    'tut_004_mistake_deadlock.py': 3,
    'edge_bounded_semaphore_module_level.py': 1,
    'edge_deadlock_condition.py': 3,
    'edge_deadlock_event.py': 3,
    'edge_deadlock_future.py': 3,
    'edge_deadlock_queue_get.py': 3,
    'edge_deadlock_queue_join.py': 3,
    'edge_deadlock_semaphore.py': 3,
    'edge_py_assert_uncaught.py': 1,
    'edge_py_raise_from_uncaught.py': 1,
    'edge_py_sys_exit.py': 1,
    'edge_taskgroup_uncaught.py': 1,
    'edge_uncaught_cancelled.py': 1,
    'edge_uncaught_custom_exception.py': 1,
    'edge_uncaught_from_task.py': 1,
    'edge_uncaught_in_main.py': 1,
    'edge_uncaught_timeout.py': 1,
}

# SPEC 2's modules, the world modules of SPEC 3 that tools/world/ provides,
# and their submodules.
ALLOWED_MODULES = {
    'asyncio', 'time', 'random', 'functools', 'dataclasses', 'typing',
    'datetime', 'sys', 'os', 'logging', 'itertools',
    'sim', 'aiohttp', 'requests',
}

HEX = re.compile(r'0x[0-9a-fA-F]+')


def normalise(text):
    return HEX.sub('0x?', text)


def last_line(text):
    lines = text.rstrip('\n').split('\n')
    return lines[-1] if lines else ''


def run_once(path):
    """One run under the runner: (stdout, stderr, exit code, ticks, seconds)."""
    fd, ticks_path = tempfile.mkstemp(prefix='corpus-ticks-', suffix='.txt')
    os.close(fd)
    start = time.monotonic()
    try:
        p = subprocess.run([PYTHON, RUNNER, path, '--ticks', ticks_path],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT, cwd=ROOT)
        code = p.returncode
        out = p.stdout.decode('utf-8', 'replace')
        err = p.stderr.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired:
        code, out, err = 'timeout', '', f'(killed after {TIMEOUT} s)'
    elapsed = time.monotonic() - start
    try:
        with open(ticks_path, encoding='utf-8') as f:
            ticks = f.read()
    except OSError:
        ticks = '(no ticks file)'
    os.unlink(ticks_path)
    return {'stdout': normalise(out), 'stderr': normalise(err), 'code': code,
            'ticks': ticks, 'seconds': elapsed}


def subset_problems(path):
    """Static check that the file stays inside SPEC 2's language subset."""
    name = os.path.basename(path)
    with open(path, encoding='utf-8') as f:
        source = f.read()
    problems = []
    if name.startswith('tut_') and not source.startswith('# From: tutorials/'):
        problems.append('tutorial scenario without a "# From: tutorials/..." first line')
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as e:
        return problems + [f'syntax error: {e}']
    for node in ast.walk(tree):
        line = getattr(node, 'lineno', '?')
        if isinstance(node, ast.Import):
            mods = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            mods = [node.module or '.']
        else:
            mods = []
        for mod in mods:
            if mod.split('.')[0] not in ALLOWED_MODULES:
                problems.append(f'line {line}: imports {mod}, not in SPEC 2/3')
        if isinstance(node, ast.Match):
            problems.append(f'line {line}: match statement')
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            problems.append(f'line {line}: yield (generators are outside SPEC 2)')
        if isinstance(node, ast.ClassDef) and any(k.arg == 'metaclass' for k in node.keywords):
            problems.append(f'line {line}: metaclass')
    return problems


def check(path):
    """Everything wrong with one scenario, as a list of strings, and its runs."""
    name = os.path.basename(path)
    problems = subset_problems(path)
    a = run_once(path)
    b = run_once(path)
    for part in ('stdout', 'code', 'ticks'):
        if a[part] != b[part]:
            problems.append(f'NONDETERMINISTIC {part}')
    if last_line(a['stderr']) != last_line(b['stderr']):
        problems.append('NONDETERMINISTIC last stderr line')
    elif a['stderr'] != b['stderr']:
        problems.append('note: stderr differs between runs above its last line')
    want = EXPECTED_EXIT.get(name, 0)
    if a['code'] != want:
        problems.append(f'exit {a["code"]}, expected {want}; last stderr line: '
                        f'{last_line(a["stderr"])!r}')
    slowest = max(a['seconds'], b['seconds'])
    if slowest > SLOW:
        problems.append(f'slow: {slowest:.1f} s of real time')
    return name, problems, a


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('names', nargs='*', metavar='NAME_OR_GLOB',
                        help='scenario file names or globs (default: all)')
    parser.add_argument('-j', '--jobs', type=int, default=2,
                        help='scenarios checked in parallel (default 2)')
    args = parser.parse_args(argv)

    everything = sorted(f for f in os.listdir(HERE)
                        if f.endswith('.py') and f.startswith(('tut_', 'edge_')))
    if args.names:
        chosen = [f for f in everything
                  if any(fnmatch.fnmatch(f, pat) or f == pat or f == pat + '.py'
                         for pat in (os.path.basename(n) for n in args.names))]
    else:
        chosen = everything
    unknown = set(EXPECTED_EXIT) - set(everything)
    if unknown and not args.names:
        print('EXPECTED_EXIT names missing files: ' + ', '.join(sorted(unknown)))

    failed = []
    codes = {}
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for name, problems, run in pool.map(check, [os.path.join(HERE, f) for f in chosen]):
            codes[run['code']] = codes.get(run['code'], 0) + 1
            real = [p for p in problems if not p.startswith('note:')]
            for p in problems:
                print(f'{name}: {p}')
            if real:
                failed.append(name)

    groups = {'tut': 0, 'edge': 0}
    for f in chosen:
        groups[f.split('_')[0]] += 1
    print(f'\n{len(chosen)} scenarios ({groups["tut"]} tutorial, {groups["edge"]} edge), '
          f'each run twice, in {time.monotonic() - start:.0f} s')
    print('exit codes: ' + ', '.join(f'{c}: {n}' for c, n in sorted(codes.items(), key=str)))
    if failed:
        print(f'{len(failed)} FAILED: ' + ' '.join(failed))
        return 1
    print('all deterministic, with the intended exit codes, inside SPEC 2')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
