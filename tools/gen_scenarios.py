#!/usr/bin/python3
"""Random asyncio scenarios for LoopLab's differential tests (issue 3).

    /usr/bin/python3 tools/gen_scenarios.py --seed N [--count K] [--size small|medium|large] --out DIR

writes DIR/gen_N.py ... DIR/gen_<N+K-1>.py. Each program is derived only from its seed
(and size) through a private random.Random, so the same seed gives a byte-identical file.
Every program is valid Python 3.11 in the scenario subset of SPEC 2, deterministic, and
ends well within the runner's 300 virtual seconds: each waiter has a guaranteed waker or
a timeout, locks are taken in one global order, and a static bound on the virtual time
(the sum of every timer the program can start) is written in its header and kept under
TIME_BOUND. A few programs end on purpose with an uncaught exception, SystemExit or a
deadlock; their header says `# expect: exit N`. tools/check_generated.py runs them under
tools/cpython_runner.py.

Modules: gen_scenarios.py (this: command line, emitter, plain statements),
gen_scenarios_tasks.py (task statements: cancel, wait_for, gather, TaskGroup, ...),
gen_scenarios_scenes.py (scene templates that own primitives and their wakers),
gen_scenarios_flow.py (scene templates for cancellation, timeouts, shield, exceptions),
gen_scenarios_program.py (choosing scenes, main(), prelude, header).
"""

import argparse
import contextlib
import dataclasses
import os
import random
import sys

SIZES = {   # budget: lines a scene may emit before its bodies stop nesting
    'small': {'scenes': (1, 2), 'stmts': (1, 2), 'depth': 1, 'kids': (2, 3), 'budget': 22,
              'lines': (30, 60)},
    'medium': {'scenes': (2, 3), 'stmts': (1, 3), 'depth': 2, 'kids': (2, 3), 'budget': 30,
               'lines': (60, 100)},
    'large': {'scenes': (2, 4), 'stmts': (2, 3), 'depth': 3, 'kids': (2, 4), 'budget': 45,
              'lines': (100, 150)},
}
TIME_BOUND = 200.0   # the runner stops at 300; the bound is a sum of timers, so real runs end far sooner
# Few distinct delays, so that timers often fall due at the same virtual time.
DELAYS = (0, 0, 0.1, 0.2, 0.25, 0.5, 0.5, 1, 1, 1.5, 2)
WORDS = ('alpha', 'beta', 'gamma', 'delta', 'ready', 'готово', '完成', 'ok')


def num(x):
    """A delay as source text: 0, 1, 0.25 (no float noise from the generator's own sums)."""
    x = round(x, 3)
    return str(int(x)) if x == int(x) else repr(x)


@dataclasses.dataclass(frozen=True)
class E:
    """An expression inside a printed message; spec is '', 'r', '=' or a format spec."""
    expr: str
    spec: str = ''


@dataclasses.dataclass(frozen=True)
class Res:
    """A lock-like resource of a scene. Code holding index i may only take indexes > i,
    so no two tasks can wait for each other (no deadlock by lock order)."""
    idx: int
    kind: str
    var: str


@dataclasses.dataclass(frozen=True)
class Ctx:
    res: tuple = ()           # resources the code may take
    event: str = None         # an Event it may set/clear/wait on (waits always timed)
    queue: str = None         # an unbounded Queue: put_nowait, get_nowait, timed get
    nested: bool = True       # helpers defined inside the scene function (closures)
    held: int = -1            # highest resource index held by this task or its awaiting parents
    can_raise: bool = False   # an exception may escape (the caller catches it)
    cancellable: bool = False  # a CancelledError may arrive from outside
    swallow: bool = False     # may swallow its own cancellation (top of an explicit cancel target)
    depth: int = 0

    def but(self, **kw):
        return dataclasses.replace(self, **kw)

    def deeper(self, **kw):
        return dataclasses.replace(self, depth=self.depth + 1, **kw)


class Emitter:
    def __init__(self, level=0, gen=None):
        self.lines = []
        self.level = level
        self.gen = gen      # counts every line emitted, for the scene's line budget

    def __call__(self, line):
        self.lines.append('    ' * self.level + line)
        if self.gen:
            self.gen.emitted += 1

    @contextlib.contextmanager
    def block(self, header):
        self(header)
        self.level += 1
        start = len(self.lines)
        yield
        if len(self.lines) == start:
            self('pass')
        self.level -= 1


class Gen:
    """Statement generators. Each s_* emits code and returns an upper bound of the virtual
    time its timers can take (sums, never maxima: see TIME_BOUND)."""

    def __init__(self, seed, size, attempt):
        self.rng = random.Random(f'looplab-gen:{seed}:{size}:{attempt}')
        self.seed, self.size, self.cfg = seed, size, SIZES[size]
        self.features = set()
        self.needs = set()          # module-level pieces used: AppError, Ledger, ...
        self.counter = 0
        self.module_helpers = []
        self.scene_helpers = []
        self.local_loop = self.chance(0.6)
        self.emitted = 0
        self.budget_end = 10 ** 9   # once self.emitted passes this, bodies stop nesting

    def emitter(self, level=0):
        return Emitter(level, self)

    def tight(self, room=0):
        """Whether the scene's line budget is spent (or has less than `room` lines left)."""
        return self.emitted + room >= self.budget_end

    # --- randomness -------------------------------------------------------------------
    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def weighted(self, options):
        total = sum(w for w, _ in options)
        x = self.rng.random() * total
        for w, item in options:
            x -= w
            if x < 0:
                return item
        return options[-1][1]

    def delay(self):
        return self.pick(DELAYS)

    def fresh(self, stem):
        self.counter += 1
        return f'{stem}{self.counter}'

    def use(self, *features):
        self.features.update(features)

    # --- printing -----------------------------------------------------------------------
    def say(self, em, *parts):
        """print() with the virtual time and the task's tag first, as an f-string mostly,
        sometimes %-formatting or str.format."""
        parts = [E('loop.time()', '.3f'), ' ', E('tag'), ' '] + list(parts)
        style = self.weighted([(8, 'f'), (1, '%'), (1, 'format')])
        self.use({'f': 'f-string', '%': '%-format', 'format': 'str.format'}[style])
        if style == 'f':
            out = []
            for p in parts:
                if isinstance(p, str):
                    out.append(p.replace('{', '{{').replace('}', '}}'))
                else:
                    spec = {'': '', 'r': '!r', '=': '='}.get(p.spec, ':' + p.spec)
                    if p.spec == '=':
                        self.use('f-string {x=}')
                    out.append('{' + p.expr + spec + '}')
            em('print(f"' + ''.join(out) + '")')
            return
        text, args = [], []
        for p in parts:
            if isinstance(p, str):
                text.append(p.replace('%', '%%') if style == '%' else
                            p.replace('{', '{{').replace('}', '}}'))
                continue
            if p.spec == '=':
                text.append(p.expr + '=')
            if style == '%':
                conv = {'': '%s', 'r': '%r', '=': '%r'}.get(p.spec)
                if conv is None:
                    conv = ('%' + p.spec) if p.spec[0] == '.' else (
                        '%' + ('-' if p.spec[0] == '<' else '') + p.spec[1:] + 's')
            else:
                conv = {'': '{}', 'r': '{!r}', '=': '{!r}'}.get(p.spec, '{:' + p.spec + '}')
            text.append(conv)
            args.append(p.expr)
        s = '"' + ''.join(text) + '"'
        if style == '%':
            em(f'print({s} % ({", ".join(args)}{"," if len(args) == 1 else ""}))')
        else:
            em(f'print({s}.format({", ".join(args)}))')

    def loop_line(self, em):
        if self.local_loop:
            em('loop = asyncio.get_running_loop()')

    # --- helpers (coroutine functions) ------------------------------------------------
    def sub(self, ctx):
        """Sometimes put a helper at module level, away from the scene's primitives."""
        if ctx.nested and self.chance(0.25):
            return ctx.but(nested=False, res=(), event=None, queue=None, held=-1)
        return ctx

    def helper(self, ctx, stem=None):
        name = self.fresh(stem or self.pick(('job', 'step', 'fetch', 'probe', 'work')))
        em = self.emitter()
        with em.block(f'async def {name}(tag, n):'):
            self.loop_line(em)
            if self.chance(0.5):
                self.say(em, 'start ', E('n', '='))
            d = self.body(em, ctx)
            if ctx.can_raise and self.chance(0.5):   # callers that can take an error get one often
                self.s_raise(em, ctx)
            self.ret(em)
        (self.scene_helpers if ctx.nested else self.module_helpers).append(em.lines)
        return name, d

    def ret(self, em):
        r = self.weighted([(3, 'return f"{tag}:{n}"'), (2, 'return n * 10 + len(tag)'),
                           (1, "return {'tag': tag, 'n': n}"), (1, 'return (tag, n)'), (1, None)])
        if r:
            em(r)

    def call(self, name, k=None):
        return f"{name}(f'{{tag}}/{self.fresh('c')}', {self.rng.randint(0, 4) if k is None else k})"

    def spawn(self, em, call, var=None):
        """t = asyncio.create_task(call[, name=...]), named about half the time."""
        var = var or self.fresh('t')
        if self.chance(0.5):
            self.use('create_task (named)')
            em(f"{var} = asyncio.create_task({call}, name=f'{{tag}}-{self.fresh('k')}')")
        else:
            self.use('create_task (unnamed)')
            em(f'{var} = asyncio.create_task({call})')
        return var

    # --- bodies ---------------------------------------------------------------------------
    def body(self, em, ctx, lo=None, hi=None):
        lo0, hi0 = self.cfg['stmts']
        n = self.rng.randint(lo or lo0, hi or hi0)
        if ctx.depth >= 2:
            n = min(n, 2)
        if self.tight():
            n = 1
        d = 0.0
        for _ in range(n):
            d += self.stmt(em, ctx)
        if ctx.can_raise and self.chance(0.5):
            self.s_raise(em, ctx)
        return d

    def stmt(self, em, ctx):
        opts = [(4, self.s_sleep), (2, self.s_compute)]
        if self.tight(12):   # a compound statement takes about that many lines
            return self.weighted(opts)(em, ctx)
        if ctx.depth < self.cfg['depth']:
            opts += [(1, self.s_try), (1.2, self.s_spawn), (1, self.s_cancel_child),
                     (1, self.s_wait_for), (1, self.s_timeout), (0.5, self.s_shield),
                     (0.8, self.s_gather), (0.7, self.s_taskgroup), (0.8, self.s_wait),
                     (0.8, self.s_loop)]
        if any(r.idx > ctx.held for r in ctx.res):
            opts.append((1.5, self.s_acquire))
        if ctx.event:
            opts.append((1, self.s_event))
        if ctx.queue:
            opts.append((1, self.s_queue))
        if ctx.cancellable:
            opts.append((0.8, self.s_catch_cancel))
        if ctx.can_raise:
            opts.append((0.4, self.s_raise))
        return self.weighted(opts)(em, ctx)

    def s_sleep(self, em, ctx):
        d = self.delay()
        self.use('sleep(0)' if d == 0 else 'sleep(d)')
        if self.chance(0.25):
            v = self.fresh('r')
            em(f'{v} = await asyncio.sleep({num(d)}, result={self.pick(WORDS)!r})')
            self.say(em, f'slept {num(d)} -> ', E(v, 'r'))
            return d
        if self.chance(0.4):
            self.say(em, f'sleeping {num(d)}')
        em(f'await asyncio.sleep({num(d)})')
        if self.chance(0.6):
            self.say(em, f'after sleep({num(d)})')
        return d

    def s_compute(self, em, ctx):
        """Ordinary Python between awaits."""
        k = self.rng.randint(0, 10)
        self.use('plain Python')
        if k == 0:
            v = self.fresh('vals')
            em(f'{v} = [i * {self.rng.randint(2, 9)} % {self.rng.randint(3, 11)} '
               f'for i in range(n + {self.rng.randint(1, 5)})]')
            self.say(em, E(v, '='), ' total=', E(f'sum({v})'), ' top=', E(f'max({v})'))
            self.use('list comprehension')
        elif k == 1:
            v = self.fresh('counts')
            em(f'{v} = {{}}')
            with em.block(f'for ch in tag + {self.pick(WORDS)!r}:'):
                em(f'{v}[ch] = {v}.get(ch, 0) + 1')
            self.say(em, 'counts ', E(f'dict(sorted({v}.items()))'))
            self.use('dict')
        elif k == 2:
            self.needs.add('Ledger')
            v = self.fresh('pos')
            em(f'{v} = LEDGER.record(tag, n * {self.rng.randint(1, 5)})')
            self.say(em, 'ledger entry ', E(v, '>3'), ' ', E('LEDGER'))
            self.use('class')
        elif k == 3:
            self.needs.add('TRAIL')
            em('TRAIL.append(tag)')
            self.say(em, 'trail ', E("'>'.join(TRAIL[-3:])"), ' len=', E('len(TRAIL)'))
        elif k == 4:
            v = self.fresh('pick')
            em(f'{v} = random.choice({list(self.rng.sample(WORDS, 3))!r})')
            w = self.fresh('roll')
            em(f'{w} = random.randint(1, 6)')
            self.say(em, 'random ', E(v, 'r'), ' ', E(w, '>2'))
            self.use('random')
        elif k == 5:
            self.needs.add('Point')
            v = self.fresh('p')
            em(f'{v} = Point(n, len(tag)).moved({self.rng.randint(-3, 3)}, 1)')
            self.say(em, 'point ', E(v), ' norm2=', E(f'{v}.norm2()'))
            self.use('class')
        elif k == 6:
            v = self.fresh('q')
            em(f'{v}, rem = divmod(n * {self.rng.randint(3, 17)} + len(tag), {self.rng.randint(2, 5)})')
            self.say(em, 'divmod ', E(v, '='), ' ', E('rem', '='))
        elif k == 7:
            v = self.fresh('words')
            em(f'{v} = sorted({list(self.rng.sample(WORDS, 4))!r}, key=len)')
            self.say(em, 'words ', E(f"', '.join(w.upper() for w in {v})"))
        elif k == 8:
            v = self.fresh('ratio')
            em(f'{v} = (n + 1) / {self.rng.randint(3, 7)}')
            self.say(em, 'ratio ', E(v, '.4f'), ' ', E(v, 'r'), ' ', E('tag', '<8'), '|')
            self.use('format specs')
        elif k == 9:
            self.needs.add('Job')
            self.use('dataclass')
            v = self.fresh('jobs')
            em(f"{v} = sorted([Job(n % 3, next(SEQ), tag), Job({self.rng.randint(0, 2)}, next(SEQ), 'x')])")
            self.say(em, 'first job ', E(f'{v}[0]'), ' last ', E(f'{v}[-1].name', 'r'))
        else:
            v = self.fresh('pairs')
            em(f"{v} = {{w: i for i, w in enumerate(tag.split('/'))}}")
            self.say(em, 'parts ', E(v), ' ', E(f'len({v}) > 1 and n >= 0'))
            self.use('dict')
        return 0.0

    def s_raise(self, em, ctx):
        self.needs.add('AppError')
        self.use('raise custom exception')
        cond = self.pick(('n % 2 == 0', 'n % 2 == 1', 'random.random() < 0.5',
                          f'len(tag) > {self.rng.randint(4, 12)}', 'n > 1', 'True'))
        with em.block(f'if {cond}:'):
            kind = self.rng.randint(0, 5)
            self.say(em, 'raising')
            if kind == 0:
                em('raise RetryError(tag, n)')
            elif kind == 1:
                em("raise ValueError(f'bad value {n}')")
            elif kind == 2:
                em("raise KeyError(tag)")
            elif kind == 3:
                em("_ = n // (n - n)")
            else:
                em("raise AppError(f'{tag} failed')")
        return 0.0

    def s_try(self, em, ctx):
        with em.block('try:'):
            d = self.body(em, ctx.deeper(can_raise=True))
        clauses = []
        if self.chance(0.4):
            clauses.append(('RetryError', E('e.attempt', '=')))
        if self.chance(0.4):
            clauses.append(('(AppError, ValueError)', E('e', 'r')))
        if self.chance(0.2):
            clauses.append(('ZeroDivisionError', E('e')))
        clauses.append(('Exception', E('type(e).__name__')))
        self.needs.add('AppError')
        self.use('try/except')
        for exc, extra in clauses:
            with em.block(f'except {exc} as e:'):
                self.say(em, f'caught {exc.strip("()")}: ', E('e'), ' ', extra)
                if ctx.can_raise and self.chance(0.2):
                    self.use('raise from')
                    em("raise AppError(f'{tag} wrapped') from e")
        if self.chance(0.3):
            with em.block('else:'):
                self.say(em, 'no error')
        if self.chance(0.4):
            with em.block('finally:'):
                self.say(em, 'finally')
        return d

    def s_acquire(self, em, ctx, r=None):
        r = r or self.pick([r for r in ctx.res if r.idx > ctx.held])
        inner = ctx.deeper(held=r.idx)
        self.use(r.kind)
        if self.chance(0.5):
            self.use(f'{r.kind} async with')
            with em.block(f'async with {r.var}:'):
                self.say(em, f'holds {r.var} locked=', E(f'{r.var}.locked()'))
                d = self.body(em, inner)
        else:
            self.use(f'{r.kind} acquire/release')
            em(f'await {r.var}.acquire()')
            with em.block('try:'):
                self.say(em, f'acquired {r.var}')
                d = self.body(em, inner)
            with em.block('finally:'):
                em(f'{r.var}.release()')
                if self.chance(0.5):
                    self.say(em, f'released {r.var}')
        return d

    def s_event(self, em, ctx):
        ev = ctx.event
        self.use('Event')
        k = self.rng.randint(0, 4)
        if k <= 1:
            t = self.pick((0.1, 0.5, 1, 2))
            with em.block('try:'):
                if k == 0:
                    em(f'{self.fresh("ok")} = await asyncio.wait_for({ev}.wait(), {num(t)})')
                else:
                    with em.block(f'async with asyncio.timeout({num(t)}):'):
                        em(f'await {ev}.wait()')
                self.say(em, 'saw the event, is_set=', E(f'{ev}.is_set()'))
            with em.block('except TimeoutError:'):
                self.say(em, 'no event in time')
            return t
        if k == 2:
            self.use('Event.set')
            em(f'{ev}.set()')
            self.say(em, 'set the event')
        elif k == 3:
            self.use('Event.clear')
            em(f'{ev}.clear()')
            self.say(em, 'cleared the event')
        else:
            self.say(em, 'event is_set=', E(f'{ev}.is_set()'))
        return 0.0

    def s_queue(self, em, ctx):
        q = ctx.queue
        k = self.rng.randint(0, 3)
        if k == 0:
            self.use('Queue.put_nowait')
            em(f"{q}.put_nowait(f'{{tag}}#{{n}}')")
            self.say(em, 'put, qsize=', E(f'{q}.qsize()'))
        elif k == 1:
            self.use('Queue.put')
            em(f"await {q}.put((tag, n))")
            self.say(em, 'put, qsize=', E(f'{q}.qsize()'))
        elif k == 2:
            self.use('Queue.get_nowait')
            v = self.fresh('item')
            with em.block('try:'):
                em(f'{v} = {q}.get_nowait()')
            with em.block('except asyncio.QueueEmpty:'):
                self.say(em, 'queue empty')
            with em.block('else:'):
                self.say(em, 'took ', E(v, 'r'))
        else:
            self.use('Queue.get')
            v = self.fresh('item')
            t = self.pick((0.1, 0.5, 1))
            with em.block('try:'):
                em(f'{v} = await asyncio.wait_for({q}.get(), {num(t)})')
                self.say(em, 'got ', E(v, 'r'))
            with em.block('except asyncio.TimeoutError:'):
                self.say(em, 'nothing queued')
            return t
        return 0.0

    def s_loop(self, em, ctx):
        k = self.rng.randint(2, 3)
        i = self.fresh('i')
        inner = ctx.deeper()
        self.use('loop')
        if self.chance(0.7):
            with em.block(f'for {i} in range({k}):'):
                if self.chance(0.3):
                    with em.block(f'if {i} == 1:'):
                        self.say(em, 'skip ', E(i))
                        em('continue')
                d = self.body(em, inner, 1, 2)
            if self.chance(0.3):
                with em.block('else:'):
                    self.say(em, 'loop finished')
        else:
            em(f'{i} = 0')
            with em.block(f'while {i} < {k}:'):
                em(f'{i} += 1')
                d = self.body(em, inner, 1, 2)
                self.say(em, 'round ', E(i))
        return k * d


def main(argv):
    from gen_scenarios_program import generate
    ap = argparse.ArgumentParser(prog='gen_scenarios.py', description=__doc__.split('\n\n')[0])
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=1)
    ap.add_argument('--size', choices=sorted(SIZES), default='medium')
    ap.add_argument('--out', required=True, metavar='DIR')
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    for seed in range(args.seed, args.seed + args.count):
        path = os.path.join(args.out, f'gen_{seed}.py')
        with open(path, 'w', encoding='utf-8', newline='\n') as f:
            f.write(generate(seed, args.size))
        print(path)


if __name__ == '__main__':
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main(sys.argv[1:])
