#!/usr/bin/python3
"""Fidelity check: one C++ scenario against its Python twin under real CPython.

    compare.py --looplab PATH --python /usr/bin/python3 NAME

runs `looplab demo NAME --ticks A` and
`python tools/cpython_runner.py scenarios/py/NAME.py --ticks B` and requires
identical stdout, exit code, LoopLab report / last stderr line, and tick files
(SPEC 4: same output, same virtual timestamps, same task steps in the same
order). CPython is the reference. On a mismatch it prints a unified diff of each
part that differs and exits 1; exit 0 when everything matches, 2 on a usage or
setup error.

Extra run options: a first-line comment in the .py such as
    # looplab-args: --until 10
is passed to both sides (after the NAME / FILE argument).
"""

import argparse
import difflib
import os
import shlex
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUNNER = os.path.join(ROOT, 'tools', 'cpython_runner.py')
SCENARIOS = os.path.join(ROOT, 'scenarios', 'py')
ARGS_MARK = '# looplab-args:'
TIMEOUT = 120  # seconds of real time per side; scenarios run in milliseconds


def extra_args(py_path):
    """Options from a `# looplab-args: ...` comment on the first line."""
    with open(py_path, encoding='utf-8') as f:
        first = f.readline().strip()
    if first.startswith(ARGS_MARK):
        return shlex.split(first[len(ARGS_MARK):])
    return []


def run(cmd, ticks_path):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT, cwd=ROOT)
    except subprocess.TimeoutExpired as e:
        return {'code': 'timeout', 'stdout': (e.stdout or b'').decode('utf-8', 'replace'),
                'stderr': f'(killed after {TIMEOUT} s)', 'ticks': read(ticks_path), 'cmd': cmd}
    return {'code': p.returncode, 'stdout': p.stdout.decode('utf-8', 'replace'),
            'stderr': p.stderr.decode('utf-8', 'replace'), 'ticks': read(ticks_path), 'cmd': cmd}


def read(path):
    try:
        with open(path, encoding='utf-8') as f:
            return f.read()
    except OSError:
        return '(no ticks file written)\n'


def report_of(stderr):
    """What must match on stderr: LoopLab's own report (from the last line that
    starts with 'looplab:' to the end -- a deadlock report is several lines), or
    else the last non-empty line (a traceback's `ValueError: ...`)."""
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].startswith('looplab:'):
            return '\n'.join(lines[i:]) + '\n'
    return (lines[-1] + '\n') if lines else ''


def diff(part, expected, actual):
    lines = list(difflib.unified_diff(
        expected.splitlines(keepends=True), actual.splitlines(keepends=True),
        fromfile=f'{part} (CPython)', tofile=f'{part} (looplab)'))
    return ''.join(ln if ln.endswith('\n') else ln + '\n' for ln in lines)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--looplab', required=True, help='the looplab executable')
    ap.add_argument('--python', default='/usr/bin/python3', help='CPython 3.11')
    ap.add_argument('--keep', action='store_true', help='print where the outputs are kept')
    ap.add_argument('name', help='scenario name (scenarios/py/NAME.py)')
    a = ap.parse_args(argv)

    py_path = os.path.join(SCENARIOS, a.name + '.py')
    if not os.path.isfile(py_path):
        print(f'compare.py: no Python twin {py_path}', file=sys.stderr)
        return 2
    extra = extra_args(py_path)

    tmp = tempfile.mkdtemp(prefix=f'fidelity-{a.name}-')
    ticks_cpp = os.path.join(tmp, 'looplab.ticks')
    ticks_py = os.path.join(tmp, 'cpython.ticks')
    cpp = run([a.looplab, 'demo', a.name, '--ticks', ticks_cpp] + extra, ticks_cpp)
    py = run([a.python, RUNNER, py_path, '--ticks', ticks_py] + extra, ticks_py)

    out = []
    if py['code'] != cpp['code']:
        out.append(f'exit code: CPython {py["code"]}, looplab {cpp["code"]}\n')
    for part, key in (('stdout', 'stdout'), ('ticks', 'ticks')):
        if py[key] != cpp[key]:
            out.append(diff(part, py[key], cpp[key]))
    rp, rc = report_of(py['stderr']), report_of(cpp['stderr'])
    if rp != rc:
        out.append(diff('stderr report', rp, rc))

    if not out:
        print(f'{a.name}: identical (exit {py["code"]}, {py["stdout"].count(chr(10))} lines, '
              f'{py["ticks"].count(chr(10))} steps)')
        if not a.keep:
            for p in (ticks_cpp, ticks_py):
                if os.path.exists(p):
                    os.remove(p)
            os.rmdir(tmp)
        else:
            print(f'outputs kept in {tmp}')
        return 0

    print(f'{a.name}: looplab differs from CPython')
    print('  looplab: ' + ' '.join(shlex.quote(c) for c in cpp['cmd']))
    print('  CPython: ' + ' '.join(shlex.quote(c) for c in py['cmd']))
    for chunk in out:
        sys.stdout.write(chunk)
    # Full stderr of both sides helps when the report differs or a side crashed.
    if rp != rc or py['code'] != cpp['code']:
        for who, r in (('CPython', py), ('looplab', cpp)):
            err = r['stderr'].rstrip('\n')
            if err:
                print(f'--- {who} stderr ---')
                print(err)
    print(f'(outputs kept in {tmp})')
    return 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
