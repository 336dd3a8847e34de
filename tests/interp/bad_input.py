#!/usr/bin/python3
"""Malformed and hostile input for `looplab run`: a clear message and the documented exit code.

    bad_input.py --looplab PATH [-j N] [FILE.py ...]     (default: tests/interp/bad/*.py)

SPEC 2 and 5: bad input is rejected with a clear message and exit code 1 (exception or syntax
error), 2 (usage), 3 (deadlock) or 4 (runaway) -- never a signal, never a hang. Each scenario's
FIRST line states what must happen:

    # expect: exit=1 stderr-last="SyntaxError: expected ':'"
    # expect: exit=4 stderr-contains="runaway" stderr-contains="line 3" stdout-contains="start"
    # expect: exit=1 stderr-last-re="^(MemoryError|OverflowError)\\b"

stderr-last is the last non-blank stderr line (for syntax errors and Python exceptions it is
CPython 3.11's, except where LoopLab deliberately differs: 64-bit ints, unsupported modules and
constructs, runaway). Values are double-quoted; \\" and \\\\ are the only escapes. An optional
second line `# known-gap: REASON` marks a case LoopLab currently gets wrong: the expectation stays
the correct behaviour, a mismatch is reported as KNOWN GAP (not a failure), and a match as
FIXED (so the marker can be removed).

Every run has a 20 s real-time limit (a hang is a failure), must not die of a signal, and its
stderr must not contain crash markers. Built-in command-line misuse cases check exit 2 with a
message naming the problem. Exits 1 when anything failed, 0 otherwise (known gaps included).
"""

import argparse
import concurrent.futures
import glob
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 20
CRASH_MARKERS = ('internal error', 'Segmentation', 'Aborted', 'terminate called', 'AddressSanitizer')
EXPECT_MARK = '# expect:'
GAP_MARK = '# known-gap:'
PAIR = re.compile(r'([a-z][a-z-]*)=(?:"((?:[^"\\]|\\.)*)"|(\S+))')
KEYS = ('exit', 'stderr-last', 'stderr-last-re', 'stderr-contains', 'stdout-contains')


def unescape(s):
    return re.sub(r'\\(["\\])', r'\1', s)


def parse_header(path):
    """Returns (list of (key, value), known-gap reason or None); raises ValueError if malformed."""
    with open(path, 'rb') as f:
        lines = f.read().split(b'\n', 2)
    first = lines[0].decode('utf-8', 'replace').strip()
    second = lines[1].decode('utf-8', 'replace').strip() if len(lines) > 1 else ''
    if not first.startswith(EXPECT_MARK):
        raise ValueError(f'first line must start with {EXPECT_MARK!r}')
    rest = first[len(EXPECT_MARK):]
    pairs = []
    for m in PAIR.finditer(rest):
        key = m.group(1)
        if key not in KEYS:
            raise ValueError(f'unknown expectation {key!r}')
        pairs.append((key, unescape(m.group(2)) if m.group(2) is not None else m.group(3)))
    if not any(k == 'exit' for k, _ in pairs):
        raise ValueError('expectation has no exit=')
    gap = second[len(GAP_MARK):].strip() if second.startswith(GAP_MARK) else None
    return pairs, gap


def run(cmd, cwd=None):
    try:
        p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=TIMEOUT, cwd=cwd)
        return p.returncode, p.stdout.decode('utf-8', 'replace'), p.stderr.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b'').decode('utf-8', 'replace')
        err = (e.stderr or b'').decode('utf-8', 'replace')
        return 'timeout', out, err


def last_line(text):
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return lines[-1] if lines else ''


def sanity_problems(code, err):
    """Problems no bad input may ever cause, whatever its expectation."""
    problems = []
    if code == 'timeout':
        problems.append(f'hang: killed after {TIMEOUT} s')
    elif code < 0:
        problems.append(f'killed by signal {-code}')
    for marker in CRASH_MARKERS:
        if marker in err:
            problems.append(f'stderr contains {marker!r}')
    return problems


def check_file(looplab, path):
    """Returns (status, detail lines) with status 'pass', 'gap', 'fixed' or 'fail'."""
    try:
        pairs, gap = parse_header(path)
    except (OSError, ValueError) as e:
        return 'fail', [f'bad expectation header: {e}']
    code, out, err = run([looplab, 'run', path])
    problems = sanity_problems(code, err)
    last = last_line(err)
    for key, want in pairs:
        if key == 'exit' and str(code) != want:
            problems.append(f'exit code {code}, expected {want}')
        elif key == 'stderr-last' and last != want:
            problems.append(f'last stderr line {last!r}, expected {want!r}')
        elif key == 'stderr-last-re' and not re.search(want, last):
            problems.append(f'last stderr line {last!r} does not match /{want}/')
        elif key == 'stderr-contains' and want not in err:
            problems.append(f'stderr lacks {want!r}')
        elif key == 'stdout-contains' and want not in out:
            problems.append(f'stdout lacks {want!r}')
    if problems:
        detail = problems + [f'  (exit {code}; last stderr line: {last!r})']
        return ('gap', [f'known gap: {gap}'] + detail) if gap is not None else ('fail', detail)
    return ('fixed', [f'marked known-gap ({gap}) but now passes: remove the marker']) if gap else ('pass', [])


def misuse_cases(scratch):
    """(name, argv after the binary, substrings the output must contain). All must exit 2."""
    ok = os.path.join(scratch, 'ok.py')
    with open(ok, 'w') as f:
        f.write('print("hi")\n')
    missing = os.path.join(scratch, 'no_such_file.py')
    return [
        ('run without a file', ['run'], ['file']),
        ('missing file', ['run', missing], [missing]),
        ('a directory', ['run', scratch], [scratch, 'Is a directory']),
        ('unknown option', ['run', ok, '--bogus-option'], ['--bogus-option']),
        ('unknown option before the file', ['run', '--bogus-option', ok], ['--bogus-option']),
        ('--until -1', ['run', ok, '--until', '-1'], ['--until']),
        ('--until abc', ['run', ok, '--until', 'abc'], ['--until']),
        ('--until without a value', ['run', ok, '--until'], ['--until']),
        ('--max-steps -3', ['run', ok, '--max-steps', '-3'], ['--max-steps']),
        ('--seed xyz', ['run', ok, '--seed', 'xyz'], ['--seed']),
        ('--ticks into a missing directory', ['run', ok, '--ticks', '/nonexistent/dir/x'], ['/nonexistent/dir/x']),
    ]


# Misuse cases LoopLab currently gets wrong: name -> reason (reported as KNOWN GAP).
MISUSE_GAPS = {
    'a directory': "says \"[Errno 2] No such file or directory\" for a directory instead of naming "
                   "it as a directory (CPython: \"can't find '__main__' module\"; open(): \"[Errno 21] Is a directory\")",
}


def check_misuse(looplab, name, argv, needles):
    code, out, err = run([looplab] + argv)
    problems = sanity_problems(code, err)
    text = out + err
    if code != 2:
        problems.append(f'exit code {code}, expected 2')
    for n in needles:
        if n not in text:
            problems.append(f'message lacks {n!r}')
    if problems:
        detail = problems + [f'  (output: {last_line(err) or last_line(out)!r})']
        if name in MISUSE_GAPS:
            return 'gap', [f'known gap: {MISUSE_GAPS[name]}'] + detail
        return 'fail', detail
    return ('fixed', ['listed in MISUSE_GAPS but now passes']) if name in MISUSE_GAPS else ('pass', [])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--looplab', required=True)
    ap.add_argument('-j', type=int, default=2, help='parallel runs (default 2)')
    ap.add_argument('files', nargs='*')
    args = ap.parse_args()
    if not os.access(args.looplab, os.X_OK):
        print(f'bad_input.py: {args.looplab} is not an executable', file=sys.stderr)
        return 2
    looplab = os.path.abspath(args.looplab)
    files = args.files or sorted(glob.glob(os.path.join(HERE, 'bad', '*.py')))
    counts = {'pass': 0, 'gap': 0, 'fixed': 0, 'fail': 0}
    label = {'pass': 'PASS', 'gap': 'KNOWN GAP', 'fixed': 'FIXED', 'fail': 'FAIL'}

    def report(name, status, detail):
        counts[status] += 1
        print(f'{label[status]:9} {name}')
        for d in detail:
            print(f'          {d}')
        sys.stdout.flush()

    with tempfile.TemporaryDirectory(prefix='looplab-bad-') as scratch:
        with concurrent.futures.ThreadPoolExecutor(max(1, args.j)) as ex:
            futures = [(f, ex.submit(check_file, looplab, f)) for f in files]
            cases = misuse_cases(scratch)
            mfutures = [(n, ex.submit(check_misuse, looplab, n, a, nd)) for n, a, nd in cases]
            for f, fut in futures:
                report(os.path.relpath(f, HERE), *fut.result())
            for n, fut in mfutures:
                report(f'command line: {n}', *fut.result())
    total = sum(counts.values())
    print(f'\n{total} cases: {counts["pass"]} pass, {counts["gap"]} known gap, '
          f'{counts["fixed"]} fixed (remove known-gap marker), {counts["fail"]} fail')
    return 1 if counts['fail'] else 0


if __name__ == '__main__':
    sys.exit(main())
