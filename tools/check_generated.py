#!/usr/bin/python3
"""Check tools/gen_scenarios.py against the CPython reference runner.

    /usr/bin/python3 tools/check_generated.py [--start S] [--seeds N] [--size small|medium|large|mixed]
                                             [--jobs J] [--keep DIR] [--coverage]

Generates N programs (seeds S .. S+N-1; --size mixed cycles small, medium, large) and runs
each twice under tools/cpython_runner.py with --ticks. A program passes when:
  - both runs give the same stdout, stderr, exit code and ticks (deterministic);
  - the exit code is the one its header expects (`# expect: exit N`);
  - exit 0 and 7 leave stderr empty (no traceback, no warning, no time limit reached);
    exit 1 ends with one traceback whose last line is the intended AppError; exit 3 is
    the runner's deadlock report;
  - the last task step happens no later than the header's `# virtual time bound`.
Prints failures, then a summary; with --coverage, how many programs use each feature
(from the `# features:` headers) and how many show notable run-time events in their output.
Exit status 0 when every program passes.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

TOOLS = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(TOOLS, 'cpython_runner.py')
PYTHON = '/usr/bin/python3'
sys.path.insert(0, TOOLS)
from gen_scenarios_program import generate  # noqa: E402


# What the programs print when something notable happens at run time (for --coverage).
OBSERVED = (
    ('wait_for timeout fired', r'wait_for timed out'),
    ('wait_for finished in time', r'wait_for gave'),
    ('timeout() fired', r'timeout\([\d.]+\) expired|inner timeout|outer timeout'),
    ('timeout() block finished in time', r'expired=False'),
    ('equal due times: timeout won', r'equal timeout [\d.]+ won'),
    ('cancelled child finished anyway (swallowed)', r'child finished anyway|victim returned'),
    ('CancelledError caught after cancel()', r'child cancelled|victim ended cancelled'),
    ('TaskGroup failed (except*)', r'taskgroup errors|retry errors'),
    ('gather raised first exception', r'gather failed first'),
    ('gather returned exceptions', r"gathered \[.*'[A-Za-z]*Error'"),
    ('wait() saw a failed task', r'wait: failed'),
    ('shield outlived a timeout', r'shield timed out'),
    ('queue was full', r'queue full|full at'),
    ('Event wait gave up', r'gave up waiting|no event in time'),
    ('exception caught', r' caught '),
)


def header(text):
    """(expected exit code, virtual time bound, [features]) from a generated program."""
    lines = text.split('\n')
    code = int(re.search(r'^# expect: exit (\d+)$', text, re.M).group(1))
    bound = float(re.search(r'^# virtual time bound: (\S+)$', text, re.M).group(1))
    feat, on = [], False
    for line in lines:
        if line.startswith('# features: '):
            on = True
            feat.append(line[len('# features: '):])
        elif on and line.startswith('# ') and not line.startswith('# virtual time bound'):
            feat.append(line[2:])
        elif on:
            break
    return code, bound, [f for f in ' '.join(feat).split(', ') if f]


def run_once(path, ticks):
    env = {k: v for k, v in os.environ.items() if k != 'PYTHONHASHSEED'}
    try:
        p = subprocess.run([PYTHON, RUNNER, path, '--ticks', ticks], capture_output=True,
                           text=True, timeout=120, env=env, cwd=os.path.dirname(path))
    except subprocess.TimeoutExpired:
        return None
    with open(ticks, encoding='utf-8') as f:
        return p.stdout, p.stderr, p.returncode, f.read()


def check_one(seed, size, directory):
    """Returns (seed, size, problems, features, lines, last step time)."""
    text = generate(seed, size)
    path = os.path.join(directory, f'gen_{seed}_{size}.py')
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)
    code, bound, features = header(text)
    problems = []
    runs = [run_once(path, path + f'.ticks{i}') for i in (1, 2)]
    if None in runs:
        return seed, size, ['runner hung (120 s of real time)'], features, 0, 0.0
    (out, err, rc, ticks), second = runs[0], runs[1]
    if second != runs[0]:
        problems.append('the two runs differ')
    if rc != code:
        problems.append(f'exit {rc}, expected {code}')
    if code in (0, 7) and err:
        problems.append('unexpected stderr')
    if code == 1 and not (err.startswith('Traceback') and err.count('Traceback') == 1 and
                          err.rstrip('\n').endswith('AppError: unhandled at the end')):
        problems.append('not the intended traceback')
    if code == 3 and not err.startswith('looplab: deadlock at t='):
        problems.append('not the intended deadlock')
    if 'looplab: stopped' in err:
        problems.append('hit a runner limit')
    steps = [float(line.split()[0]) for line in ticks.splitlines() if line]
    last = max(steps, default=0.0)
    if last > bound + 1e-9:
        problems.append(f'ran to t={last}, past its bound {bound}')
    if problems:
        problems.append(f'stderr:\n{err[-1500:]}')
    seen = [label for label, rx in OBSERVED if re.search(rx, out)]
    return seed, size, problems, features + ['run: ' + s for s in seen], text.count('\n'), last


def main(argv):
    ap = argparse.ArgumentParser(prog='check_generated.py', description=__doc__.split('\n\n')[0])
    ap.add_argument('--start', type=int, default=0)
    ap.add_argument('--seeds', type=int, default=500)
    ap.add_argument('--size', choices=('small', 'medium', 'large', 'mixed'), default='mixed')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--keep', metavar='DIR', help='write the programs here (default: a temp dir)')
    ap.add_argument('--coverage', action='store_true', help='print feature counts')
    args = ap.parse_args(argv)
    sizes = ('small', 'medium', 'large')
    todo = [(s, sizes[(s - args.start) % 3] if args.size == 'mixed' else args.size)
            for s in range(args.start, args.start + args.seeds)]
    tmp = None
    if args.keep:
        os.makedirs(args.keep, exist_ok=True)
        directory = args.keep
    else:
        tmp = tempfile.TemporaryDirectory(prefix='looplab-gen-')
        directory = tmp.name
    results = []
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for r in pool.map(lambda sz: check_one(sz[0], sz[1], directory), todo):
            results.append(r)
            if r[2]:
                print(f'FAIL seed {r[0]} ({r[1]}): ' + '; '.join(r[2]), flush=True)
    failed = [r for r in results if r[2]]
    lines = collections.defaultdict(list)
    for r in results:
        lines[r[1]].append(r[4])
    print(f'{len(results) - len(failed)}/{len(results)} programs pass')
    for size, ls in sorted(lines.items()):
        print(f'  {size}: {len(ls)} programs, {min(ls)}-{max(ls)} lines (mean {sum(ls) / len(ls):.0f})')
    print(f'  latest task step: t={max(r[5] for r in results):g}')
    if args.coverage:
        counts = collections.Counter(f for r in results for f in set(r[3]))
        print(f'feature coverage (programs using it, of {len(results)}):')
        for f, c in sorted(counts.items(), key=lambda fc: (-fc[1], fc[0])):
            if not f.startswith('run: '):
                print(f'  {c:5d}  {f}')
        print('seen at run time (programs whose output shows it):')
        for label, _ in OBSERVED:
            print(f"  {counts['run: ' + label]:5d}  {label}")
    if tmp:
        tmp.cleanup()
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
