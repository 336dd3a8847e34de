#!/usr/bin/python3
"""Smoke test for the Python peers: run every bench/python/<workload>.py with a
small N under asyncio and under uvloop, and check that its one output line
parses with the same regex compare.py uses and reports the N it was given.

    /usr/bin/python3 bench/check_peers.py [--python PATH] [--no-uvloop]

Exit status 0 when every run parsed, 1 otherwise.  Takes ~15 s (the timers
workload really sleeps up to 1 s per run).
"""
import argparse
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402

SMALL_N = {"spawn": 500, "switch": 2000, "pingpong": 500, "semaphore": 500,
           "timers": 200, "memory": 500}


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--python", default=compare.DEFAULT_PYTHON)
    p.add_argument("--no-uvloop", action="store_true")
    args = p.parse_args()
    modes = [[]] if args.no_uvloop else [[], ["--uvloop"]]
    bad = 0
    for w in compare.WORKLOAD_NAMES:
        for extra in modes:
            cmd = [args.python, os.path.join(compare.PY_DIR, f"{w}.py"), str(SMALL_N[w])] + extra
            label = f"{w} {'uvloop' if extra else 'asyncio'}"
            try:
                proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                      text=True, timeout=60)
            except Exception as e:
                print(f"FAIL {label}: {e}")
                bad += 1
                continue
            lines = proc.stdout.strip().splitlines()
            r = compare.parse_line(w, proc.stdout)
            problems = []
            if proc.returncode != 0:
                problems.append(f"exit {proc.returncode}: {proc.stderr.strip()[-200:]}")
            if len(lines) != 1:
                problems.append(f"expected exactly 1 output line, got {len(lines)}")
            if r is None:
                problems.append("line does not parse")
            else:
                if r["n"] != SMALL_N[w]:
                    problems.append(f"N={r['n']} != {SMALL_N[w]}")
                if not (r["seconds"] > 0 and r["per_op_ns"] > 0):
                    problems.append("non-positive timing")
                if (w == "memory") != (r["bytes_per_task"] is not None):
                    problems.append("bytes_per_task present/absent wrongly")
                elif w == "memory" and not r["bytes_per_task"] > 0:
                    problems.append("bytes_per_task not positive")
            if problems:
                bad += 1
                print(f"FAIL {label}: {'; '.join(problems)}   output: {proc.stdout.strip()!r}")
            else:
                print(f"ok   {label:<18} {lines[0]}")
    print("all peers OK" if not bad else f"{bad} peer run(s) FAILED")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
