#!/usr/bin/python3
"""The interpreter's benchmarks: Python scenarios under `looplab run` vs CPython asyncio vs uvloop.

For every scenario in bench/scenarios/ (the six runtime workloads of compare.py written as
Python, plus `compute`: N integer additions in a `for` loop) this runs, R times each,
    <looplab> run <scenario>.py
    /usr/bin/python3 <scenario>.py
    /usr/bin/python3 <scenario>.py --uvloop
with the scenario's `N = ...` line rewritten to the chosen N (a copy in a temp dir), and
prints one table of medians with ratios, then the start-up time of `looplab run hello.py`.

Timing. Each scenario prints `<workload> N=<n> seconds=<s> per_op_ns=<x>`, where seconds
is time.perf_counter() around the asyncio work. Under CPython that is real time. Under
`looplab run` time.perf_counter() is the *virtual* clock (SPEC 4), so the printed figure
is not a speed; there the time is taken from outside instead:
    looplab seconds = process wall time - median wall time of bench/scenarios/empty.py
(empty.py does the imports and one asyncio.run() of an empty coroutine, so what is left
is the workload, as the in-process figure is under CPython; compute imports nothing and
subtracts hello.py instead). For memory the outside figure also covers the event.set()
and gather() after the timed phase, so its looplab column is pessimistic. The CPU columns do the same
with the child's user+sys CPU time for all three (minus each runner's own empty.py): on a
machine shared with other jobs, CPU time is the steadier number; wall time includes
waiting for a core.

memory: LoopLab has no tracemalloc, so its bytes/task is (peak RSS of the run - peak RSS
of empty.py) / N, an estimate that includes allocator slack; CPython's is tracemalloc's.

Usage (from anywhere; `make bench` runs it from the repo root after compare.py):
    /usr/bin/python3 bench/py_compare.py [--looplab build/looplab] [--repeat R]
        [--workloads switch,compute,...] [--n switch=1000000] [--scale F]
        [--startup-runs K] [--no-uvloop] [--timeout S] [--json FILE] [-q]
"""

import argparse
import json
import os
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import fmt_ns, fmt_ratio, render_table, resolve_looplab, tool_versions  # noqa: E402

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
SCEN_DIR = os.path.join(BENCH_DIR, "scenarios")
DEFAULT_LOOPLAB = "build/looplab"
DEFAULT_PYTHON = "/usr/bin/python3"

# Same N as compare.py for the six runtime workloads; compute is the 10 million.
WORKLOADS = [
    ("spawn", 50_000),
    ("switch", 500_000),
    ("pingpong", 50_000),
    ("semaphore", 50_000),
    ("timers", 50_000),
    ("memory", 30_000),
    ("compute", 10_000_000),
]
WORKLOAD_NAMES = [w for w, _ in WORKLOADS]
# Issue 3's targets: (minimum "vs asyncio" ratio). Hello-world start-up: <= 20 ms.
TARGETS = {"switch": 10.0, "pingpong": 10.0, "semaphore": 10.0, "compute": 0.5}
HELLO_TARGET_S = 0.020

_NUM = r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf)"
N_LINE = re.compile(r"^N = .*$", re.MULTILINE)


def line_re(w):
    return re.compile(r"^" + re.escape(w) + r"\s+N=(\d+)\s+seconds=" + _NUM + r"\s+per_op_ns=" + _NUM
                      + r"(?:\s+bytes_per_task=" + _NUM + r")?\s*$", re.MULTILINE)


def run_one(cmd, timeout):
    """Run cmd once: dict(ok, out, wall, cpu = the child's user+sys seconds, err on failure)."""
    before = _children_usage()
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           cwd=REPO_ROOT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"ok": False, "err": f"timed out after {timeout:g} s"}
    except OSError as e:
        return {"ok": False, "err": f"could not start: {e}"}
    wall = time.perf_counter() - t0
    after = _children_usage()
    res = {"ok": p.returncode == 0, "out": p.stdout, "rc": p.returncode, "wall": wall,
           "cpu": after[0] - before[0]}
    if p.returncode != 0:
        tail = (p.stderr or p.stdout or "").strip().splitlines()
        res["err"] = f"exit status {p.returncode}" + (f": {tail[-1]}" if tail else "")
    return res


def _children_usage():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r.ru_utime + r.ru_stime,)


def peak_rss_kb(cmd, timeout):
    """Peak RSS of one run, via /usr/bin/time -f %M (RUSAGE_CHILDREN keeps the maximum over
    all children, so it cannot give one child's figure)."""
    if not os.path.exists("/usr/bin/time"):
        return None
    try:
        p = subprocess.run(["/usr/bin/time", "-f", "MAXRSS=%M"] + cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, cwd=REPO_ROOT, timeout=timeout)
    except (subprocess.TimeoutExpired, OSError):
        return None
    m = re.search(r"MAXRSS=(\d+)", p.stderr or "")
    return int(m.group(1)) if m else None


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def parse_args(argv):
    p = argparse.ArgumentParser(description="Python scenarios: looplab run vs CPython asyncio vs uvloop.")
    p.add_argument("--looplab", default=DEFAULT_LOOPLAB, help="looplab binary (default: %(default)s)")
    p.add_argument("--python", default=DEFAULT_PYTHON, help="CPython for the peers (default: %(default)s)")
    p.add_argument("--repeat", "-r", type=int, default=3, help="runs per cell; median shown (default: 3)")
    p.add_argument("--workloads", "-w", default=",".join(WORKLOAD_NAMES))
    p.add_argument("--n", action="append", default=[], metavar="WORKLOAD=N")
    p.add_argument("--scale", type=float, default=1.0, help="multiply every default N")
    p.add_argument("--startup-runs", type=int, default=21,
                   help="runs of hello.py and empty.py per runner (default: %(default)s)")
    p.add_argument("--no-uvloop", action="store_true")
    p.add_argument("--no-looplab", action="store_true")
    p.add_argument("--timeout", type=float, default=120.0)
    p.add_argument("--json", metavar="FILE")
    p.add_argument("--quiet", "-q", action="store_true")
    args = p.parse_args(argv)
    args.repeat = max(1, args.repeat)
    args.startup_runs = max(1, args.startup_runs)
    chosen = [w.strip() for w in args.workloads.split(",") if w.strip()]
    unknown = [w for w in chosen if w not in WORKLOAD_NAMES]
    if unknown:
        p.error(f"unknown workload(s): {', '.join(unknown)}; known: {', '.join(WORKLOAD_NAMES)}")
    args.chosen = chosen
    ns = {w: max(1, int(round(n * args.scale))) for w, n in WORKLOADS}
    ns["switch"] = max(100, ns["switch"] // 100 * 100)
    for item in args.n:
        try:
            w, v = item.split("=", 1)
            if w.strip() not in ns:
                raise ValueError(f"unknown workload {w!r}")
            ns[w.strip()] = int(float(v))
            if ns[w.strip()] <= 0:
                raise ValueError("N must be positive")
        except ValueError as e:
            p.error(f"--n {item!r}: {e}")
    args.ns = ns
    return args


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    t_start = time.perf_counter()
    notes, failures = [], []
    looplab = None
    if not args.no_looplab:
        looplab = resolve_looplab(args.looplab)
        if not (os.path.isfile(looplab) and os.access(looplab, os.X_OK)):
            notes.append(f"looplab not found at {looplab}: Python columns only")
            looplab = None
    versions = tool_versions(args.python)
    use_uv = not args.no_uvloop and versions.get("uvloop") not in ("unavailable", "?")
    if not args.no_uvloop and not use_uv:
        notes.append(f"uvloop is not importable by {args.python} (apt-get install python3-uvloop)")

    def say(msg):
        if not args.quiet:
            print(msg, file=sys.stderr, flush=True)

    runners = {}
    if looplab:
        runners["looplab"] = lambda f: [looplab, "run", f]
    runners["asyncio"] = lambda f: [args.python, f]
    if use_uv:
        runners["uvloop"] = lambda f: [args.python, f, "--uvloop"]

    tmp = tempfile.mkdtemp(prefix="looplab-pybench-")
    empty = os.path.join(SCEN_DIR, "empty.py")
    hello = os.path.join(SCEN_DIR, "hello.py")

    # Start-up: hello.py (the target) and empty.py (the baseline subtracted below).
    startup = {}
    for col, mk in runners.items():
        for name, path in (("hello", hello), ("empty", empty)):
            say(f"  start-up {name:<5} {col:<8} x{args.startup_runs}")
            runs = [run_one(mk(path), args.timeout) for _ in range(args.startup_runs)]
            bad = [r for r in runs if not r["ok"]]
            for r in bad[:1]:
                failures.append(f"{name} / {col}: {r.get('err')}")
            good = [r for r in runs if r["ok"]]
            startup[(col, name)] = {"wall": med(r["wall"] for r in good), "cpu": med(r["cpu"] for r in good),
                                    "walls": [r["wall"] for r in good]}
        if col == "looplab":
            startup[(col, "empty")]["rss_kb"] = peak_rss_kb(mk(empty), args.timeout)

    results = {}
    for w in args.chosen:
        n = args.ns[w]
        src = open(os.path.join(SCEN_DIR, f"{w}.py")).read()
        path = os.path.join(tmp, f"{w}.py")
        with open(path, "w") as fh:
            fh.write(N_LINE.sub(f"N = {n}", src, count=1))
        rx = line_re(w)
        results[w] = {"n": n}
        for col, mk in runners.items():
            say(f"  running {w:<9} N={n:<10} {col:<8} x{args.repeat}")
            walls, cpus, bpts = [], [], []
            # compute imports nothing: its baseline is hello.py; the others' is empty.py.
            base = startup[(col, "hello" if w == "compute" else "empty")]
            for i in range(args.repeat):
                r = run_one(mk(path), args.timeout)
                m = rx.search(r.get("out") or "") if r["ok"] else None
                if not r["ok"] or not m:
                    failures.append(f"{w} / {col} run {i + 1}: {r.get('err') or 'no result line'}")
                    if (r.get("err") or "").startswith(("timed out", "could not start")):
                        break
                    continue
                n_run = int(m.group(1))
                if col == "looplab":
                    walls.append(max(0.0, r["wall"] - (base["wall"] or 0)) / n_run * 1e9)
                else:
                    walls.append(float(m.group(3)))
                    if m.group(4):
                        bpts.append(float(m.group(4)))
                cpus.append(max(0.0, r["cpu"] - (base["cpu"] or 0)) / n_run * 1e9)
            cell = {"wall_ns": med(walls), "cpu_ns": med(cpus), "wall_all": walls, "cpu_all": cpus,
                    "bytes_per_task": med(bpts)}
            if w == "memory" and col == "looplab" and walls:
                rss = peak_rss_kb(mk(path), args.timeout)
                base_rss = base.get("rss_kb")
                if rss and base_rss:
                    cell["bytes_per_task"] = (rss - base_rss) * 1024 / n
            results[w][col] = cell

    # ------------------------------------------------------------------ table
    def get(w, col, key):
        return (results[w].get(col) or {}).get(key)

    headers = ["workload", "N", "looplab ns/op", "asyncio ns/op", "uvloop ns/op", "vs asyncio", "vs uvloop",
               "cpu: looplab", "asyncio", "vs asyncio", "target", "met (wall/cpu)"]
    rows = []
    for w in args.chosen:
        lw, aw, uw = get(w, "looplab", "wall_ns"), get(w, "asyncio", "wall_ns"), get(w, "uvloop", "wall_ns")
        lc, ac = get(w, "looplab", "cpu_ns"), get(w, "asyncio", "cpu_ns")
        tgt = TARGETS.get(w)
        met = ""
        if tgt is not None:
            def ok(a, b):
                return "-" if not a or not b else ("yes" if a / b >= tgt else "no")
            met = f"{ok(aw, lw)}/{ok(ac, lc)}"
        row = [w, f"{results[w]['n']:,}", fmt_ns(lw), fmt_ns(aw), fmt_ns(uw) if use_uv else "skipped",
               fmt_ratio(aw, lw), fmt_ratio(uw, lw), fmt_ns(lc), fmt_ns(ac), fmt_ratio(ac, lc),
               f">= {tgt:g}x" if tgt is not None else "", met]
        rows.append(row)

    print(f"LoopLab interpreter benchmarks (bench/scenarios): median of {args.repeat} run(s) per cell; "
          f"ns/op = seconds / N; vs X = X ns/op / looplab ns/op (higher = looplab faster)")
    print(f"  looplab: {looplab or 'not available'}  (its wall = process wall - empty.py's; "
          f"cpu = user+sys - empty.py's for every column; compute: - hello.py's)")
    print(f"  asyncio: {args.python} ({versions.get('python', '?')}), uvloop {versions.get('uvloop', '?')}; "
          f"host {platform.machine()}, {os.cpu_count()} CPU(s), load average "
          f"{os.getloadavg()[0]:.1f} at the end")
    print()
    print(render_table(headers, rows, right_from=1))
    print()
    if "memory" in args.chosen:
        b = [get("memory", c, "bytes_per_task") for c in ("looplab", "asyncio", "uvloop")]
        print("  memory bytes/task (looplab peak-RSS estimate / asyncio / uvloop tracemalloc): "
              + " / ".join("-" if x is None else f"{x:.0f}" for x in b))
    if "timers" in args.chosen:
        print("  timers: real asyncio really sleeps (~1 s floor / N); looplab's sleeps are virtual.")
    print()
    srows = []
    for col in runners:
        h, e = startup[(col, "hello")], startup[(col, "empty")]
        target = ""
        if col == "looplab" and h["wall"] is not None:
            target = f"<= 20 ms: {'yes' if h['wall'] <= HELLO_TARGET_S else 'no'}/" \
                     f"{'yes' if (h['cpu'] or 0) <= HELLO_TARGET_S else 'no'}"
        srows.append([col, fmt_ms(h["wall"]), fmt_ms(min(h["walls"]) if h["walls"] else None), fmt_ms(h["cpu"]),
                      fmt_ms(e["wall"]), fmt_ms(e["cpu"]), target])
    if os.path.exists("/bin/true"):
        # The floor: starting any process on this machine now (a loaded VM pays ms for it).
        runs = [run_one(["/bin/true"], args.timeout) for _ in range(args.startup_runs)]
        walls = [r["wall"] for r in runs if r["ok"]]
        srows.append(["/bin/true", fmt_ms(med(walls)), fmt_ms(min(walls) if walls else None),
                      fmt_ms(med(r["cpu"] for r in runs if r["ok"])), "", "", ""])
    print(f"Start-up: median of {args.startup_runs} runs of hello.py (print one line) and of empty.py "
          f"(imports + asyncio.run of an empty coroutine)")
    print(render_table(["runner", "hello wall ms", "min", "hello cpu ms", "empty wall ms", "empty cpu ms",
                        "target (wall/cpu)"], srows, right_from=1))
    for note in notes:
        print(f"  note: {note}")
    if failures:
        print(f"  {len(failures)} failed run(s):")
        for f in failures:
            print(f"    {f}")
    print(f"  total time {time.perf_counter() - t_start:.1f} s")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"results": results, "startup": {f"{c}/{n}": v for (c, n), v in startup.items()},
                       "failures": failures, "notes": notes, "versions": versions}, fh, indent=2)
    return 0


def fmt_ms(s):
    return "-" if s is None else f"{s * 1000:.1f}"


if __name__ == "__main__":
    sys.exit(main())
