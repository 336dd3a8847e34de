#!/usr/bin/python3
"""Differential test of the interpreter: `looplab run FILE.py` against CPython 3.11.

    differential.py --looplab PATH [--python /usr/bin/python3] [-j N] FILE.py...

For each file, runs `looplab run FILE --ticks A` and
`python tools/cpython_runner.py FILE --ticks B` and requires, as issue 3 says,
identical stdout, identical exit code, identical last stderr line (LoopLab's own
report -- from the last line starting with 'looplab:' -- when there is one) and
identical --ticks files. Hex addresses (0x7f...) are normalised; nothing else is.
CPython is the reference. Prints one line per file and a unified diff of every part
that differs; exits 0 when all match, 1 otherwise, 2 on usage errors.

A first-line comment `# looplab-args: --until 10` passes options to both sides.

Whole stderr: with --full-stderr, or for a file whose first line is
`# compare: full-stderr` (then `# looplab-args:` may follow on the second line),
the whole stderr must match instead of its last line -- for scenarios about the
ORDER of interpreter messages (traceback, "Task exception was never retrieved",
"Task was destroyed but it is pending!", never-awaited warnings). Normalised on
both sides, besides hex addresses, is only what LoopLab's tracebacks leave out on
purpose: frames of CPython's own library (`File "/usr/lib/python3.11/..."` with
their source lines, also inside exception groups' `|` margins) and 3.11's
`^^^^`/`~~~` marker lines. Kept and compared, carets included, are the library
frames LoopLab draws (interp/src/library_frames.cpp; LIBRARY_FRAMES below): the
runner shows them as a real run does.

A line `# compare: also real CPython` among the first five also runs the file with plain
`python FILE.py` (no runner, no virtual clock: for scenarios whose sleeps are short) and
requires LoopLab's stdout, exit code and whole stderr, library frames and carets included,
to be exactly that run's: the runner's own Task/Future cannot change what is compared.
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNER = os.path.join(ROOT, 'tools', 'cpython_runner.py')
ARGS_MARK = '# looplab-args:'
FULL_MARK = '# compare: full-stderr'
REAL_MARK = '# compare: also real CPython'
TIMEOUT = 120
HEX = re.compile(r'0x[0-9a-fA-F]+')


def header(path):
    """(extra args, full-stderr marker) from the file's first line(s)."""
    with open(path, encoding='utf-8', errors='replace') as f:
        first, second = f.readline().strip(), f.readline().strip()
    full = first == FULL_MARK
    line = second if full else first
    return (shlex.split(line[len(ARGS_MARK):]) if line.startswith(ARGS_MARK) else []), full


# Inside an exception group the lines start with '  | ' margins: they count as indentation.
MARGIN = re.compile(r'^[ |]*')
STDLIB_FRAME = re.compile(r'^([ |]*)File "/usr/lib/python3\.\d+/')
CARETS = re.compile(r'^[ |]*[~^]+\s*$')
# Library frames LoopLab's tracebacks show as CPython 3.11.2 does (library_frames.cpp):
# asyncio.run's way out, sleep's await, wait_for's result, asyncio.timeout's raise.
LIBRARY_FRAMES = re.compile(
    r'^[ |]*File "/usr/lib/python3\.11/asyncio/(runners\.py", line (190|118), in run'
    r'|base_events\.py", line 653, in run_until_complete|tasks\.py", line (639|630), in sleep'
    r'|tasks\.py", line 624, in __sleep0|tasks\.py", line 479, in wait_for'
    r'|timeouts\.py", line 98, in __aexit__)$')


def without_stdlib_frames(text):
    """stderr minus the standard library's traceback frames (but LIBRARY_FRAMES) and the
    caret lines (but those of LIBRARY_FRAMES)."""
    out, skip_deeper, keep_deeper = [], None, None
    for ln in text.splitlines(keepends=True):
        indent = MARGIN.match(ln).end()
        if skip_deeper is not None and ln.strip() and indent > skip_deeper:
            continue  # the skipped frame's source line
        if keep_deeper is not None and ln.strip() and indent > keep_deeper:
            out.append(ln)  # the kept frame's source line and carets
            continue
        skip_deeper = keep_deeper = None
        m = STDLIB_FRAME.match(ln)
        if m and LIBRARY_FRAMES.match(ln.rstrip('\n')):
            keep_deeper = len(m.group(1))
            out.append(ln)
        elif m:
            skip_deeper = len(m.group(1))
        elif not CARETS.match(ln):
            out.append(ln)
    return ''.join(out)


def wants_real_run(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        return any(f.readline().strip() == REAL_MARK for _ in range(5))


def read(path):
    try:
        with open(path, encoding='utf-8', errors='replace') as f:
            return f.read()
    except OSError:
        return '(no ticks file written)\n'


def run(cmd, ticks, env=None):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT, cwd=ROOT, env=env)
        code, out, err = p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired as e:
        code, out, err = 'timeout', e.stdout or b'', f'(killed after {TIMEOUT} s)'.encode()
    norm = lambda b: HEX.sub('0x…', b.decode('utf-8', 'replace'))
    return {'code': code, 'stdout': norm(out), 'stderr': norm(err), 'ticks': read(ticks)}


def report_of(stderr):
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].startswith('looplab:'):
            return '\n'.join(lines[i:]) + '\n'
    return (lines[-1] + '\n') if lines else ''


def diff(part, expected, actual, limit=60):
    lines = list(difflib.unified_diff(expected.splitlines(keepends=True), actual.splitlines(keepends=True),
                                      fromfile=f'{part} (CPython)', tofile=f'{part} (looplab)'))
    if len(lines) > limit:
        lines = lines[:limit] + [f'... ({len(lines) - limit} more diff lines)\n']
    return ''.join(ln if ln.endswith('\n') else ln + '\n' for ln in lines)


def compare(looplab, python, path, full_stderr=False):
    extra, marked = header(path)
    with tempfile.TemporaryDirectory(prefix='differential-') as tmp:
        ta, tb = os.path.join(tmp, 'looplab.ticks'), os.path.join(tmp, 'cpython.ticks')
        ll = run([looplab, 'run', path, '--ticks', ta] + extra, ta)
        py = run([python, RUNNER, path, '--ticks', tb] + extra, tb)
    out = []
    if py['code'] != ll['code']:
        out.append(f'exit code: CPython {py["code"]}, looplab {ll["code"]}\n')
        if ll['stderr'].strip():
            out.append('looplab stderr (last lines):\n' + ''.join(
                '  ' + ln + '\n' for ln in ll['stderr'].splitlines()[-12:]))
    for part in ('stdout', 'ticks'):
        if py[part] != ll[part]:
            out.append(diff(part, py[part], ll[part]))
    if full_stderr or marked:
        ep, el = without_stdlib_frames(py['stderr']), without_stdlib_frames(ll['stderr'])
        if ep != el:
            out.append(diff('stderr', ep, el))
    else:
        rp, rl = report_of(py['stderr']), report_of(ll['stderr'])
        if rp != rl:
            out.append(diff('last stderr line', rp, rl))
    if wants_real_run(path):
        real = run([python, path], os.devnull, dict(os.environ, PYTHONHASHSEED='0'))
        if real['code'] != ll['code']:
            out.append(f'exit code: real CPython {real["code"]}, looplab {ll["code"]}\n')
        for part in ('stdout', 'stderr'):
            if real[part] != ll[part]:
                out.append(diff(part + ', real run', real[part], ll[part]))
    return path, py, out


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--looplab', required=True)
    ap.add_argument('--python', default='/usr/bin/python3')
    ap.add_argument('-j', type=int, default=1, help='files compared in parallel')
    ap.add_argument('-q', action='store_true', help='print only failures and the summary')
    ap.add_argument('--full-stderr', action='store_true',
                    help='compare the whole stderr of every file (see the docstring)')
    ap.add_argument('files', nargs='+')
    a = ap.parse_args(argv)
    for f in a.files:
        if not os.path.isfile(f):
            print(f'differential.py: no such file {f}', file=sys.stderr)
            return 2
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.j)) as ex:
        for path, py, out in ex.map(lambda f: compare(a.looplab, a.python, os.path.abspath(f), a.full_stderr),
                                   a.files):
            name = os.path.relpath(path, ROOT)
            if out:
                failed.append(name)
                print(f'DIFFERENT {name}\n' + ''.join(out), flush=True)
            elif not a.q:
                print(f'identical {name} (exit {py["code"]}, {py["stdout"].count(chr(10))} lines, '
                      f'{py["ticks"].count(chr(10))} steps)', flush=True)
    if len(a.files) > 1:
        print(f'{len(a.files) - len(failed)} of {len(a.files)} identical')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
