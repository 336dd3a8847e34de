#!/usr/bin/python3
"""Side-by-side runtime benchmarks: LoopLab vs CPython asyncio vs uvloop.

For every workload this runs
    <looplab-bench> <workload> N                 (default build/looplab-bench)
    /usr/bin/python3 bench/python/<workload>.py N
    /usr/bin/python3 bench/python/<workload>.py N --uvloop
R times each (--repeat, default 3), takes the median of each column and
prints one table.  Every program prints one line

    <workload> N=<n> seconds=<s> per_op_ns=<x> [bytes_per_task=<b>]

which is parsed with a regex; a run that fails, times out or prints no such
line shows as "-" and is listed under the table.  Nothing here raises on a
bad run.

Usage (from anywhere; `make bench` runs it from the repo root):
    /usr/bin/python3 bench/compare.py [--repeat R] [--looplab PATH]
        [--looplab-trace] [--workloads spawn,switch,...] [--n spawn=200000]
        [--scale F] [--no-uvloop] [--timeout S] [--json FILE]
"""

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(BENCH_DIR)
PY_DIR = os.path.join(BENCH_DIR, "python")
DEFAULT_LOOPLAB = "build/looplab-bench"
DEFAULT_PYTHON = "/usr/bin/python3"

# Default N per workload.  Chosen so that one CPython run takes about 0.3-2 s
# on a 2-core VM and the whole table (3 repeats x asyncio + uvloop) finishes
# in well under a minute; the same N is passed to looplab-bench, and
# per_op_ns normalises the difference in speed.
WORKLOADS = [
    ("spawn", 50_000),
    ("switch", 500_000),
    ("pingpong", 50_000),
    ("semaphore", 50_000),
    ("timers", 50_000),
    ("memory", 30_000),
]
WORKLOAD_NAMES = [w for w, _ in WORKLOADS]

_NUM = r"([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|nan|inf)"
LINE_RE = {
    w: re.compile(
        r"^" + re.escape(w) + r"\s+N=(\d+)\s+seconds=" + _NUM + r"\s+per_op_ns=" + _NUM
        + r"(?:\s+bytes_per_task=" + _NUM + r")?(?:\s+\w+=\S+)*\s*$",  # extra key=value fields allowed
        re.MULTILINE,
    )
    for w in WORKLOAD_NAMES
}

COLUMNS = ["looplab", "looplab_trace", "asyncio", "uvloop"]


def parse_line(workload, text):
    """Return dict(n, seconds, per_op_ns, bytes_per_task) from the last
    matching line of `text`, or None."""
    matches = list(LINE_RE[workload].finditer(text or ""))
    if not matches:
        return None
    m = matches[-1]
    try:
        return {
            "n": int(m.group(1)),
            "seconds": float(m.group(2)),
            "per_op_ns": float(m.group(3)),
            "bytes_per_task": float(m.group(4)) if m.group(4) is not None else None,
        }
    except (TypeError, ValueError):
        return None


def run_once(cmd, timeout, env=None):
    """Run cmd; return (CompletedProcess-or-None, error-string-or-None)."""
    try:
        proc = subprocess.run(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            timeout=timeout, env=env, cwd=REPO_ROOT,
        )
    except subprocess.TimeoutExpired:
        return None, f"timed out after {timeout:g} s"
    except OSError as e:
        return None, f"could not start: {e}"
    except Exception as e:  # never crash the table
        return None, f"{type(e).__name__}: {e}"
    return proc, None


def measure(workload, cmd, repeat, timeout, env=None, progress=None):
    """Run `cmd` `repeat` times; return (median-dict-or-None, [errors])."""
    results, errors = [], []
    for i in range(repeat):
        if progress:
            progress(f"{i + 1}/{repeat}")
        proc, err = run_once(cmd, timeout, env)
        if err is None:
            parsed = parse_line(workload, proc.stdout)
            if proc.returncode != 0:
                tail = (proc.stderr or proc.stdout or "").strip().splitlines()
                err = f"exit status {proc.returncode}" + (f": {tail[-1]}" if tail else "")
            elif parsed is None:
                out = (proc.stdout or "").strip().splitlines()
                err = "no result line in output" + (f" (got: {out[-1][:80]!r})" if out else "")
            else:
                results.append(parsed)
        if err is not None:
            errors.append(f"run {i + 1}: {err}")
            if err.startswith("timed out") or err.startswith("could not start"):
                if i + 1 < repeat:
                    errors.append(f"runs {i + 2}-{repeat}: skipped")
                break
    if not results:
        return None, errors
    med = {
        "n": results[0]["n"],
        "runs": len(results),
        "seconds": statistics.median(r["seconds"] for r in results),
        "per_op_ns": statistics.median(r["per_op_ns"] for r in results),
        "per_op_ns_all": [r["per_op_ns"] for r in results],
    }
    bpt = [r["bytes_per_task"] for r in results if r["bytes_per_task"] is not None]
    med["bytes_per_task"] = statistics.median(bpt) if bpt else None
    return med, errors


# ---------------------------------------------------------------- formatting

def fmt_ns(v):
    if v is None:
        return "-"
    if v != v:  # nan
        return "nan"
    if v >= 1000:
        return f"{v:,.0f}"
    if v >= 100:
        return f"{v:.0f}"
    if v >= 10:
        return f"{v:.1f}"
    return f"{v:.2f}"


def fmt_ratio(num, den):
    if num is None or den is None or den <= 0 or num != num or den != den:
        return "-"
    r = num / den
    if r >= 100:
        return f"{r:.0f}x"
    if r >= 10:
        return f"{r:.1f}x"
    return f"{r:.2f}x"


def fmt_bytes(v):
    return "-" if v is None else f"{v:.0f}"


def render_table(headers, rows, right_from=1):
    widths = [len(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(cells):
        out = []
        for i, c in enumerate(cells):
            out.append(c.ljust(widths[i]) if i < right_from else c.rjust(widths[i]))
        return "  ".join(out).rstrip()

    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), sep] + [line(r) for r in rows])


# ---------------------------------------------------------------------- main

def resolve_looplab(path):
    if os.path.isabs(path):
        return path
    for base in (os.getcwd(), REPO_ROOT):
        cand = os.path.join(base, path)
        if os.path.isfile(cand):
            return os.path.abspath(cand)
    return os.path.join(REPO_ROOT, path)


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="LoopLab vs CPython asyncio vs uvloop, side by side.")
    p.add_argument("--looplab", default=DEFAULT_LOOPLAB,
                   help="looplab-bench binary (default: %(default)s, relative to the repo root)")
    p.add_argument("--python", default=DEFAULT_PYTHON,
                   help="Python interpreter for the asyncio/uvloop peers (default: %(default)s)")
    p.add_argument("--repeat", "-r", type=int, default=3,
                   help="runs per cell; the median is shown (default: %(default)s)")
    p.add_argument("--workloads", "-w", default=",".join(WORKLOAD_NAMES),
                   help="comma-separated subset (default: all)")
    p.add_argument("--n", action="append", default=[], metavar="WORKLOAD=N",
                   help="override N for one workload (repeatable)")
    p.add_argument("--scale", type=float, default=1.0,
                   help="multiply every default N by this (e.g. 0.1 for a quick check)")
    p.add_argument("--looplab-trace", action="store_true",
                   help="also run looplab-bench with LOOPLAB_TRACE=1 (\"trace on\" column)")
    p.add_argument("--no-uvloop", action="store_true", help="skip the uvloop column")
    p.add_argument("--no-looplab", action="store_true", help="skip looplab-bench entirely")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="seconds before one run is killed (default: %(default)s)")
    p.add_argument("--json", metavar="FILE", help="also write all results as JSON to FILE")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress on stderr")
    args = p.parse_args(argv)

    args.repeat = max(1, args.repeat)
    chosen = [w.strip() for w in args.workloads.split(",") if w.strip()]
    unknown = [w for w in chosen if w not in WORKLOAD_NAMES]
    if unknown:
        p.error(f"unknown workload(s): {', '.join(unknown)}; known: {', '.join(WORKLOAD_NAMES)}")
    args.chosen = chosen

    ns = {w: max(1, int(round(n * args.scale))) for w, n in WORKLOADS}
    ns["switch"] = max(100, ns["switch"])  # 100 tasks, at least one switch each
    for item in args.n:
        try:
            w, v = item.split("=", 1)
            w = w.strip()
            if w not in ns:
                raise ValueError(f"unknown workload {w!r}")
            ns[w] = int(float(v))
            if ns[w] <= 0:
                raise ValueError("N must be positive")
        except ValueError as e:
            p.error(f"--n {item!r}: {e}")
    args.ns = ns
    return args


def tool_versions(python):
    info = {}
    try:
        out = subprocess.run(
            [python, "-c",
             "import sys,platform;print(platform.python_implementation(),platform.python_version())\n"
             "try:\n import uvloop;print('uvloop',uvloop.__version__)\n"
             "except Exception as e:\n print('uvloop','unavailable')"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, timeout=30,
        ).stdout.strip().splitlines()
        info["python"] = out[0] if out else "?"
        info["uvloop"] = out[1].split(" ", 1)[1] if len(out) > 1 else "?"
    except Exception as e:
        info["python"] = f"? ({e})"
        info["uvloop"] = "?"
    return info


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    t_start = time.perf_counter()
    notes = []

    looplab = None
    if not args.no_looplab:
        looplab = resolve_looplab(args.looplab)
        if not (os.path.isfile(looplab) and os.access(looplab, os.X_OK)):
            notes.append(
                f"looplab-bench not found or not executable at {looplab}: showing the Python "
                f"columns only (build it first, e.g. `make`, or pass --looplab PATH)")
            if not args.quiet:
                print(f"note: {notes[-1]}", file=sys.stderr)
            looplab = None

    versions = tool_versions(args.python)
    if not args.no_uvloop and versions.get("uvloop") in ("unavailable", "?"):
        notes.append(f"uvloop is not importable by {args.python}; its column will show '-'")

    show_trace = args.looplab_trace and looplab is not None
    if args.looplab_trace and looplab is None:
        notes.append("--looplab-trace ignored: no looplab-bench binary")

    tty = sys.stderr.isatty() and not args.quiet

    def progress_for(w, col):
        if args.quiet:
            return None

        def report(step):
            msg = f"  running {w:<9} N={args.ns[w]:<9} {col:<14} {step}"
            if tty:
                sys.stderr.write("\r" + msg.ljust(72))
                sys.stderr.flush()
            elif step.startswith("1/"):  # one line per cell when logging to a file
                print(f"  running {w:<9} N={args.ns[w]:<9} {col:<14} x{args.repeat}",
                      file=sys.stderr, flush=True)
        return report

    results = {}
    failures = []
    for w in args.chosen:
        n = args.ns[w]
        script = os.path.join(PY_DIR, f"{w}.py")
        jobs = []
        if looplab is not None:
            jobs.append(("looplab", [looplab, w, str(n)], None))
            if show_trace:
                env = dict(os.environ, LOOPLAB_TRACE="1")
                jobs.append(("looplab_trace", [looplab, w, str(n)], env))
        jobs.append(("asyncio", [args.python, script, str(n)], None))
        if not args.no_uvloop:
            jobs.append(("uvloop", [args.python, script, str(n), "--uvloop"], None))

        results[w] = {"n": n}
        for col, cmd, env in jobs:
            med, errs = measure(w, cmd, args.repeat, args.timeout, env, progress_for(w, col))
            results[w][col] = med
            for e in errs:
                failures.append(f"{w} / {col}: {e}   [{' '.join(cmd)}]")
    if tty:
        sys.stderr.write("\r" + " " * 72 + "\r")
        sys.stderr.flush()

    # ------------------------------------------------------------- the table
    headers = ["workload", "N", "looplab ns/op"]
    if show_trace:
        headers.append("trace on ns/op")
    headers += ["asyncio ns/op", "uvloop ns/op", "vs asyncio", "vs uvloop",
                "bytes/task (looplab/asyncio/uvloop)"]
    rows = []
    for w in args.chosen:
        r = results[w]
        per = {c: (r.get(c) or {}).get("per_op_ns") for c in COLUMNS}
        row = [w, f"{r['n']:,}", fmt_ns(per["looplab"])]
        if show_trace:
            row.append(fmt_ns(per["looplab_trace"]))
        row += [fmt_ns(per["asyncio"]),
                "skipped" if args.no_uvloop else fmt_ns(per["uvloop"]),
                fmt_ratio(per["asyncio"], per["looplab"]),
                fmt_ratio(per["uvloop"], per["looplab"])]
        if w == "memory":
            b = {c: (r.get(c) or {}).get("bytes_per_task") for c in ("looplab", "asyncio", "uvloop")}
            row.append(" / ".join(fmt_bytes(b[c]) for c in ("looplab", "asyncio", "uvloop")))
        else:
            row.append("")
        rows.append(row)

    elapsed = time.perf_counter() - t_start
    print(f"LoopLab runtime benchmarks: median of {args.repeat} run(s) per cell; "
          f"ns/op = wall seconds / N; vs X = X ns/op / looplab ns/op (higher = looplab faster)")
    print(f"  looplab: {looplab or 'not available'}")
    print(f"  asyncio: {args.python} ({versions.get('python', '?')}), "
          f"uvloop {versions.get('uvloop', '?')}; host {platform.machine()}, "
          f"{os.cpu_count()} CPU(s)")
    print()
    print(render_table(headers, rows, right_from=1))
    print()
    if "timers" in args.chosen:
        print("  timers: real asyncio really sleeps (delays uniform in [0,1) s), so its ns/op "
              "includes a ~1 s wall-clock floor / N.")
    for note in notes:
        print(f"  note: {note}")
    if failures:
        print(f"  {len(failures)} failed run(s) (shown as '-' or left out of the median):")
        for f in failures:
            print(f"    {f}")
    print(f"  total time {elapsed:.1f} s")

    if args.json:
        try:
            with open(args.json, "w") as fh:
                json.dump({"repeat": args.repeat, "looplab": looplab, "versions": versions,
                           "results": results, "failures": failures, "notes": notes,
                           "elapsed_s": elapsed}, fh, indent=2)
        except OSError as e:
            print(f"  could not write {args.json}: {e}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
