"""Scene templates for tools/gen_scenarios.py: the synchronisation primitives (locks and
semaphores, queues, Event, Condition). gen_scenarios_flow.py has the control-flow ones.

A scene is an async function that sets up primitives, helpers and the tasks that use them.
Each scene owns its primitives and guarantees their wakers:
an Event's setter always ends by setting it, a Condition's producer ends with
notify_all() and every consumer's predicate is reachable, queue consumers are stopped by
sentinels or cancel() only after join(), and untimed waits appear only here, never in the
generic bodies (whose waits on shared primitives all carry a timeout).
"""

from gen_scenarios import E, Ctx, Emitter, Res, num
from gen_scenarios_tasks import TaskStatements

class PrimitiveScenes(TaskStatements):
    def scene(self, kind, idx, budget):
        name = f'{kind}_{idx}'
        self.scene_helpers = []
        self.budget_end = self.emitted + budget
        setup, logic = self.emitter(1), self.emitter(1)
        self.say(logic, f'{kind} begins')
        d = getattr(self, 't_' + kind)(setup, logic)
        self.say(logic, f'{kind} ends')
        logic(f"return f'{{tag}} {kind} ok'")
        em = Emitter()
        with em.block(f'async def {name}(tag, n):'):
            self.loop_line(em)
            em.lines += setup.lines
            for h in self.scene_helpers:
                em.lines += ['    ' + line for line in h]
            em.lines += logic.lines
        return name, em.lines, d

    def nested_fn(self, name, params, fill):
        """A helper written by a template: fill(em) emits the body, returns its duration."""
        em = self.emitter()
        with em.block(f'async def {name}({params}):'):
            self.loop_line(em)
            d = fill(em)
        self.scene_helpers.append(em.lines)
        return d

    # --- templates: each returns a bound of its virtual time --------------------------
    def t_workers(self, setup, em):
        res = []
        if self.chance(0.7):
            setup('lock = asyncio.Lock()')
            res.append(('Lock', 'lock'))
        if self.chance(0.5) or not res:
            kind = self.pick(('Semaphore', 'BoundedSemaphore'))
            setup(f'sem = asyncio.{kind}({self.rng.randint(1, 3)})')
            res.append((kind, 'sem'))
        if self.chance(0.5):
            res.reverse()
        ev = q = None
        if self.chance(0.4):
            setup('ev = asyncio.Event()')
            ev = 'ev'
        if self.chance(0.35):
            setup('q = asyncio.Queue()')
            q = 'q'
            self.use('Queue')
        how = self.pick(('gather', 'each', 'taskgroup', 'wait'))
        ctx = Ctx(res=tuple(Res(i, k, v) for i, (k, v) in enumerate(res)), event=ev, queue=q,
                  cancellable=how in ('taskgroup', 'wait'), can_raise=self.chance(0.5), depth=1)
        kids = []
        n = self.rng.randint(*self.cfg['kids'])
        if self.chance(0.5) or self.tight(30):
            name, hd = self.helper(ctx, 'worker')
            kids = [(f"{name}(f'{{tag}}.w{i}', {i})", hd, ctx.can_raise) for i in range(n)]
        else:
            for _ in range(n):
                c = ctx.but(can_raise=ctx.can_raise and self.chance(0.6))
                name, hd = self.helper(c, 'worker')
                kids.append((self.call(name), hd, c.can_raise))
        if ev:
            name = self.fresh('setter')
            d = self.pick((0.1, 0.5, 1, 1.5))

            def fill(f):
                f(f'await asyncio.sleep({num(d)})')
                f('ev.set()')
                self.say(f, 'set ev')
                return d
            self.nested_fn(name, 'tag, n', fill)
            kids.insert(self.rng.randint(0, len(kids)), (f"{name}(f'{{tag}}.set', 0)", d, False))
        d = self.join(em, kids, how)
        if res:
            self.say(em, 'after join ', E(f'{res[0][1]}.locked()', '='))
        return d

    def t_queue(self, setup, em):
        kind = self.pick(('Queue', 'PriorityQueue', 'LifoQueue'))
        maxsize = self.pick((0, 0, 1, 2, 3))
        self.use(kind, 'Queue.put', 'Queue.get', 'task_done/join')
        if maxsize:
            self.use('Queue maxsize')
        setup(f'q = asyncio.{kind}({f"maxsize={maxsize}" if maxsize else ""})')
        style = 'str' if kind != 'PriorityQueue' else self.pick(('tuple', 'job'))
        if style == 'job':
            self.needs.add('Job')
            self.use('dataclass')
        make = {'str': ("f'{tag}-{i}'", 'None', 'item is None', "f'extra-{i}'"),
                'tuple': ('(random.randint(1, 5), i, tag)', '(99, i, None)', 'item[2] is None',
                          "(0, i, 'extra')"),
                'job': ("Job(random.randint(1, 5), next(SEQ), f'{tag}-{i}')", 'Job(99, next(SEQ))',
                        'item.name is None', "Job(0, next(SEQ), 'extra')")}[style]
        n_prod, n_cons, m = self.rng.randint(1, 2), self.rng.randint(1, 3), self.rng.randint(2, 4)
        stop = self.pick(('cancel', 'sentinel'))
        pd = self.pick((0, 0.1, 0.25, 0.5))
        pname, cname = self.fresh('producer'), self.fresh('consumer')

        def produce(f):
            with f.block('for i in range(n):'):
                f(f'item = {make[0]}')
                if self.chance(0.4):
                    self.use('Queue.put_nowait')
                    with f.block('try:'):
                        f('q.put_nowait(item)')
                    with f.block('except asyncio.QueueFull:'):
                        self.use('QueueFull')
                        self.say(f, 'queue full, waiting to put')
                        f('await q.put(item)')
                else:
                    f('await q.put(item)')
                self.say(f, 'put ', E('item', 'r'), ' qsize=', E('q.qsize()'))
                f(f'await asyncio.sleep({num(pd)})')
            return 0.0
        self.nested_fn(pname, 'tag, n', produce)
        cctx = Ctx(cancellable=stop == 'cancel', depth=self.cfg['depth'] - 1)

        def consume(f):
            f('handled = 0')
            with f.block('while True:'):
                f('item = await q.get()')
                if stop == 'sentinel':
                    with f.block(f'if {make[2]}:'):
                        f('q.task_done()')
                        self.say(f, 'stops after ', E('handled'))
                        f('return handled')
                with f.block('try:'):
                    self.say(f, 'got ', E('item', 'r'))
                    cd = self.body(f, cctx, 1, 2)
                    f('handled += 1')
                with f.block('finally:'):
                    f('q.task_done()')
            return cd
        cd = self.nested_fn(cname, 'tag, n', consume)
        em(f"producers = [asyncio.create_task({pname}(f'{{tag}}.p{{i}}', {m})) "
           f"for i in range({n_prod})]")
        em(f"consumers = [asyncio.create_task({cname}(f'{{tag}}.c{{i}}', i), name=f'{{tag}}-c{{i}}') "
           f"for i in range({n_cons})]")
        em('await asyncio.gather(*producers)')
        self.say(em, 'producers done, qsize=', E('q.qsize()'), ' full=', E('q.full()'))
        em('await q.join()')
        self.say(em, 'queue joined, empty=', E('q.empty()'))
        if stop == 'cancel':
            with em.block('for c in consumers:'):
                em('c.cancel()')
            em('res = await asyncio.gather(*consumers, return_exceptions=True)')
            self.say(em, 'consumers ', E('[type(x).__name__ for x in res]'))
        else:
            with em.block(f'for i in range({n_cons}):'):
                em(f'await q.put({make[1]})')
            em('res = await asyncio.gather(*consumers)')
            self.say(em, 'handled ', E('res'))
        if self.chance(0.5):
            self.use('Queue.put_nowait', 'Queue.get_nowait')
            with em.block(f'for i in range({self.rng.randint(2, 4)}):'):
                with em.block('try:'):
                    em(f'q.put_nowait({make[3]})')
                with em.block('except asyncio.QueueFull:'):
                    self.use('QueueFull')
                    self.say(em, 'full at ', E('i'))
                    em('break')
            with em.block('while True:'):
                with em.block('try:'):
                    em('x = q.get_nowait()')
                with em.block('except asyncio.QueueEmpty:'):
                    self.say(em, 'drained')
                    em('break')
                self.say(em, 'drained ', E('x', 'r'))
        return n_prod * m * (pd + cd)

    def t_event(self, setup, em):
        self.use('Event', 'Event.set', 'Event.wait')
        setup('ev = asyncio.Event()')
        wname, sname = self.fresh('waiter'), self.fresh('setter')
        stagger = self.pick((0, 0.25, 0.5))
        timed = self.chance(0.4)
        t = self.pick((0.25, 0.5, 1))
        k = self.rng.randint(*self.cfg['kids'])

        def wait(f):
            if stagger:
                f(f'await asyncio.sleep(n * {num(stagger)})')
            self.say(f, 'waits, is_set=', E('ev.is_set()'))
            if timed:
                with f.block('if n % 2 == 1:'):
                    with f.block('try:'):
                        f(f'await asyncio.wait_for(ev.wait(), {num(t)})')
                    with f.block('except asyncio.TimeoutError:'):
                        self.say(f, 'gave up waiting')
                        f("return 'timeout'")
            f('r = await ev.wait()')
            self.say(f, 'woke ', E('r'), ' is_set=', E('ev.is_set()'))
            d = self.body(f, Ctx(depth=self.cfg['depth']), 1, 1) if self.chance(0.5) else 0
            f("return f'{tag} saw it'")
            return d
        wd = self.nested_fn(wname, 'tag, n', wait)
        d1, d2 = self.pick((0.25, 0.5, 1)), self.pick((0, 0.25, 1))
        clear = self.chance(0.6)

        def setter(f):
            f(f'await asyncio.sleep({num(d1)})')
            f('ev.set()')
            self.say(f, 'set')
            if clear:
                self.use('Event.clear')
                f(f'await asyncio.sleep({self.pick((0, 0.1))})')
                f('ev.clear()')
                self.say(f, 'cleared')
                f(f'await asyncio.sleep({num(d2)})')
                f('ev.set()')   # the last word is set(): every waiter wakes
                self.say(f, 'set again')
            return 0.0
        self.nested_fn(sname, 'tag, n', setter)
        calls = [f"{wname}(f'{{tag}}.w{i}', {i})" for i in range(k)]
        calls.insert(self.rng.randint(0, k), f"{sname}(f'{{tag}}.s', 0)")
        em(f'res = await asyncio.gather({", ".join(calls)})')
        self.say(em, 'results ', E('res'))
        return k * (stagger * k + t + wd) + d1 + 0.1 + d2

    def t_condition(self, setup, em):
        self.use('Condition', 'Condition.notify_all')
        if self.chance(0.4):
            setup('cl = asyncio.Lock()')
            setup('cond = asyncio.Condition(cl)')
        else:
            setup('cond = asyncio.Condition()')
        setup("box = {'count': 0}")
        steps = self.rng.randint(2, 4)
        d = self.pick((0, 0.1, 0.25, 0.5))
        pname, cname = self.fresh('producer'), self.fresh('consumer')
        t = self.pick((0.25, 0.5, 1))

        def produce(f):
            with f.block(f'for i in range({steps}):'):
                f(f'await asyncio.sleep({num(d)})')
                with f.block('async with cond:'):
                    f("box['count'] += 1")
                    how = self.pick(('cond.notify()', 'cond.notify(2)', 'cond.notify_all()'))
                    self.use('Condition.notify' if 'all' not in how else 'Condition.notify_all')
                    self.say(f, 'count ', E("box['count']"), f' {how}')
                    f(how)
            with f.block('async with cond:'):
                f('cond.notify_all()')   # every waiter re-checks; all predicates hold now
                self.say(f, 'final notify_all')
            return 0.0
        self.nested_fn(pname, 'tag, n', produce)
        form = self.pick(('wait_for', 'loop', 'timed'))

        def consume(f):
            with f.block('async with cond:'):
                self.say(f, 'waits for ', E('n'), ' locked=', E('cond.locked()'))
                if form == 'wait_for':
                    self.use('Condition.wait_for')
                    f("await cond.wait_for(lambda: box['count'] >= n)")
                elif form == 'loop':
                    self.use('Condition.wait')
                    with f.block("while box['count'] < n:"):
                        f('await cond.wait()')
                        self.say(f, 'woke, count=', E("box['count']"))
                else:
                    self.use('Condition.wait_for', 'asyncio.timeout')
                    with f.block('try:'):
                        with f.block(f'async with asyncio.timeout({num(t)}):'):
                            f("await cond.wait_for(lambda: box['count'] >= n)")
                    with f.block('except TimeoutError:'):
                        self.say(f, 'gave up, count=', E("box['count']"))
                self.say(f, 'sees ', E("box['count']"))
            f("return box['count']")
            return t
        cd = self.nested_fn(cname, 'tag, n', consume)
        k = self.rng.randint(*self.cfg['kids'])
        calls = [f"{cname}(f'{{tag}}.c{i}', {self.rng.randint(1, steps)})" for i in range(k)]
        calls.insert(self.rng.randint(0, k), f"{pname}(f'{{tag}}.p', 0)")
        em(f'res = await asyncio.gather({", ".join(calls)})')
        self.say(em, 'counts seen ', E('res'))
        return steps * d + k * cd

    def t_locks(self, setup, em):
        """Read-modify-write across an await: lost updates without the lock, none with it."""
        self.use('Lock')
        setup('lock = asyncio.Lock()')
        res = [Res(0, 'Lock', 'lock')]
        if self.chance(0.4):
            setup('lock2 = asyncio.Lock()')   # always taken after lock: no deadlock
            res.append(Res(1, 'Lock', 'lock2'))
        setup("box = {'safe': 0, 'unsafe': 0}")
        rounds, gap = self.rng.randint(1, 3), self.pick((0, 0, 0.1, 0.25))
        name = self.fresh('bump')
        form = self.pick(('with', 'acquire'))
        how = self.pick(('gather', 'each', 'taskgroup'))
        ctx = Ctx(res=tuple(res), held=0, cancellable=how == 'taskgroup', depth=self.cfg['depth'])

        def bump(f):
            d = 0.0
            with f.block(f'for i in range({rounds}):'):
                f("v = box['unsafe']")
                f(f'await asyncio.sleep({num(gap)})')
                f("box['unsafe'] = v + 1")
                if form == 'with':
                    self.use('Lock async with')
                    f('async with lock:')
                else:
                    self.use('Lock acquire/release')
                    f('await lock.acquire()')
                    f('try:')
                f.level += 1
                f("v = box['safe']")
                self.say(f, 'holds lock, safe=', E('v'), ' locked=', E('lock.locked()'))
                f(f'await asyncio.sleep({num(gap)})')
                f("box['safe'] = v + 1")
                if len(res) > 1 and self.chance(0.7):
                    d += self.s_acquire(f, ctx, res[1])
                elif not self.tight(8):
                    d += self.body(f, ctx, 1, 1)
                f.level -= 1
                if form == 'acquire':
                    with f.block('finally:'):
                        f('lock.release()')
            return rounds * (2 * gap + d)
        wd = self.nested_fn(name, 'tag, n', bump)
        k = self.rng.randint(2, 4)
        d = self.join(em, [(f"{name}(f'{{tag}}.w{i}', {i})", wd, False) for i in range(k)], how)
        self.say(em, 'counters ', E('box'), f' expected {k * rounds} locked=', E('lock.locked()'))
        return d

    def t_semaphore(self, setup, em):
        kind = self.pick(('Semaphore', 'BoundedSemaphore'))
        setup(f'sem = asyncio.{kind}({self.rng.randint(1, 3)})')
        res = [Res(0, kind, 'sem')]
        if self.chance(0.4):
            setup('lock = asyncio.Lock()')
            res.append(Res(1, 'Lock', 'lock'))
        how = self.pick(('gather', 'each', 'taskgroup', 'wait'))
        ctx = Ctx(res=tuple(res), cancellable=how in ('taskgroup', 'wait'), depth=1)
        name = self.fresh('worker')

        def work(f):
            d = 0.0
            if self.chance(0.5):
                d += self.s_sleep(f, ctx)
            return d + self.s_acquire(f, ctx, res[0])
        wd = self.nested_fn(name, 'tag, n', work)
        k = self.rng.randint(2, 4)
        d = self.join(em, [(f"{name}(f'{{tag}}.w{i}', {i})", wd, False) for i in range(k)], how)
        self.say(em, 'sem locked=', E('sem.locked()'))
        if kind == 'BoundedSemaphore':
            self.use('BoundedSemaphore over-release')
            with em.block('try:'):
                em('sem.release()')
            with em.block('except ValueError as e:'):
                self.say(em, 'over-release: ', E('e'))
        else:
            em('sem.release()')
            self.say(em, 'extra release, locked=', E('sem.locked()'))
        return d
