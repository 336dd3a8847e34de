#!/usr/bin/python3
"""Differential test over random scenarios: tools/gen_scenarios.py writes programs from
seeds; each runs through `looplab run` and the CPython runner (tests/interp/differential.py)
and must match exactly.

    generated.py --looplab PATH [--seed S] [--count N] [--size medium] [-j 2]

CI runs 200 (four ctest entries of 50); `make generated` runs 5,000 on demand.
"""

import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--looplab', required=True)
    ap.add_argument('--python', default='/usr/bin/python3')
    ap.add_argument('--seed', type=int, default=1, help='first seed')
    ap.add_argument('--count', type=int, default=50)
    ap.add_argument('--size', default='medium', choices=['small', 'medium', 'large'])
    ap.add_argument('-j', type=int, default=1)
    a = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix='generated-') as tmp:
        subprocess.run([a.python, os.path.join(ROOT, 'tools', 'gen_scenarios.py'), '--seed', str(a.seed),
                        '--count', str(a.count), '--size', a.size, '--out', tmp], check=True,
                       stdout=subprocess.DEVNULL)
        files = sorted(os.path.join(tmp, f) for f in os.listdir(tmp) if f.endswith('.py'))
        if len(files) != a.count:
            print(f'generated.py: expected {a.count} programs, got {len(files)}', file=sys.stderr)
            return 2
        r = subprocess.run([a.python, os.path.join(HERE, 'differential.py'), '--looplab', a.looplab,
                            '--python', a.python, '-j', str(a.j), '-q'] + files)
        print(f'seeds {a.seed}..{a.seed + a.count - 1} ({a.size}): '
              f'{"all identical" if r.returncode == 0 else "DIFFERENCES (see above)"}')
        return r.returncode


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
