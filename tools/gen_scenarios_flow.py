"""Scene templates for tools/gen_scenarios.py: control flow (cancellation, timeouts,
shield, running helpers together, exceptions). Like the primitive scenes, each returns
a bound of the virtual time its timers can take."""

from gen_scenarios import E, Ctx, num
from gen_scenarios_scenes import PrimitiveScenes

KINDS = ('workers', 'locks', 'joins', 'queue', 'event', 'condition', 'cancel', 'timeouts',
         'shield', 'semaphore', 'exceptions')


class Scenes(PrimitiveScenes):
    def t_cancel(self, setup, em):
        vname = self.fresh('victim')
        long = self.pick((1, 2, 3))
        mode = self.pick(('reraise', 'reraise', 'swallow', 'uncancel'))
        cleanup = self.chance(0.4)

        def victim(f):
            self.say(f, 'victim starts')
            with f.block('try:'):
                d = 0.0
                if self.chance(0.4):
                    d = self.body(f, Ctx(cancellable=True, depth=self.cfg['depth'] - 1), 1, 1)
                f(f'await asyncio.sleep({long})')
                self.say(f, 'victim finished')
                f("return 'finished'")
            with f.block('except asyncio.CancelledError as e:'):
                self.say(f, 'victim cancelled ', E('e.args', 'r'))
                if cleanup:
                    self.use('await while cancelled')
                    f('await asyncio.sleep(0.1)')
                if mode == 'reraise':
                    self.use('re-raise CancelledError')
                    f('raise')
                else:
                    self.use('swallow cancellation')
                    if mode == 'uncancel':
                        self.use('uncancel')
                        f('asyncio.current_task().uncancel()')
                    f(f"return {mode + 'ed'!r}")
            with f.block('finally:'):
                self.use('try/finally on cancellation')
                self.say(f, 'victim cleanup')
            return d + long + 0.1
        vd = self.nested_fn(vname, 'tag, n', victim)
        t = self.spawn(em, f"{vname}(f'{{tag}}.v', 1)")
        when = self.pick(('before start', 'sleep0', 'during', 'after done'))
        wait = {'before start': None, 'sleep0': 0, 'during': self.pick((0.1, 0.5)),
                'after done': vd + 0.5}[when]
        if wait is None:
            self.use('cancel before start')
        else:
            em(f'await asyncio.sleep({num(wait)})')
        msg = self.pick((None, 'stop now', 'bye'))
        self.use('task.cancel(msg)' if msg else 'task.cancel()', 'catch CancelledError')
        em(f"ok = {t}.cancel({'' if msg is None else repr(msg)})")
        self.say(em, 'cancel -> ', E('ok'), ' cancelling=', E(f'{t}.cancelling()'))
        if self.chance(0.3):
            em(f'ok = {t}.cancel()')
            self.say(em, 'second cancel -> ', E('ok'), ' cancelling=', E(f'{t}.cancelling()'))
        with em.block('try:'):
            em(f'r = await {t}')
            self.say(em, 'victim returned ', E('r', 'r'))
        with em.block('except asyncio.CancelledError as e:'):
            self.say(em, 'victim ended cancelled ', E('e.args', 'r'))
        self.say(em, 'cancelled=', E(f'{t}.cancelled()'), ' done=', E(f'{t}.done()'))
        d = (wait or 0) + vd
        extra = self.pick((None, 'propagate', 'waiter', 'waiter'))
        if extra == 'waiter':
            d += self.cancel_waiter(setup, em)
        elif extra == 'propagate':
            # Cancelling a task that awaits another task cancels the awaited one too.
            oname, iname = self.fresh('outer'), self.fresh('inner')
            li = self.pick((1, 2))

            def inner(f):
                f(f'await asyncio.sleep({li})')
                self.say(f, 'inner done')
                return li

            def outer(f):
                f(f"inner = asyncio.create_task({iname}(tag + '/in', n), name=tag + '-in')")
                with f.block('try:'):
                    f('return await inner')
                with f.block('finally:'):
                    self.say(f, 'outer finally, inner cancelled=', E('inner.cancelled()'))
                return 0
            self.nested_fn(iname, 'tag, n', inner)
            self.nested_fn(oname, 'tag, n', outer)
            em(f"o = asyncio.create_task({oname}(f'{{tag}}.o', 2))")
            em('await asyncio.sleep(0.5)')
            em('o.cancel()')
            with em.block('try:'):
                em('await o')
            with em.block('except asyncio.CancelledError:'):
                self.say(em, 'outer cancelled=', E('o.cancelled()'))
            d += li + 0.5
        return d

    def cancel_waiter(self, setup, em):
        """Cancel one of several tasks queued on a primitive: the others still get through,
        in order (the holder or putter always comes)."""
        prim = self.pick(('Lock', 'Semaphore', 'Queue', 'Event'))
        self.use(prim, 'cancel a waiter')
        w = self.rng.randint(2, 3)
        hold = self.pick((0.5, 1))
        setup({'Lock': 'lk = asyncio.Lock()', 'Semaphore': 'lk = asyncio.Semaphore(1)',
               'Queue': 'qq = asyncio.Queue()', 'Event': 'ee = asyncio.Event()'}[prim])
        hname, wname = self.fresh('holder'), self.fresh('waiter')

        def holder(f):
            if prim in ('Lock', 'Semaphore'):
                self.use(f'{prim} async with')
                with f.block('async with lk:'):
                    self.say(f, 'holds it')
                    f(f'await asyncio.sleep({num(hold)})')
                    self.say(f, 'lets go')
            elif prim == 'Queue':
                self.use('Queue.put_nowait', 'Queue.get')
                f(f'await asyncio.sleep({num(hold)})')
                with f.block(f'for i in range({w}):'):
                    f("qq.put_nowait(f'{tag}#{i}')")
                self.say(f, 'put ', E('qq.qsize()'), ' items')
            else:
                self.use('Event.set', 'Event.wait')
                f(f'await asyncio.sleep({num(hold)})')
                f('ee.set()')
                self.say(f, 'set')
            return hold

        def waiter(f):
            self.say(f, 'wants it')
            if prim in ('Lock', 'Semaphore'):
                with f.block('async with lk:'):
                    self.say(f, 'got it')
                    f('await asyncio.sleep(0.1)')
            elif prim == 'Queue':
                f('item = await qq.get()')
                self.say(f, 'got ', E('item', 'r'))
            else:
                f('await ee.wait()')
                self.say(f, 'saw the event')
            f('return tag')
            return 0.1
        self.nested_fn(hname, 'tag, n', holder)
        self.nested_fn(wname, 'tag, n', waiter)
        em(f"h = asyncio.create_task({hname}(f'{{tag}}.h', 0))")
        em(f"ws = [asyncio.create_task({wname}(f'{{tag}}.w{{i}}', i), name=f'{{tag}}-w{{i}}') "
           f"for i in range({w})]")
        x = self.pick((0, 0.1, 0.25))
        em(f'await asyncio.sleep({num(x)})')
        em(f'ws[{self.rng.randrange(w)}].cancel()')
        em('res = await asyncio.gather(h, *ws, return_exceptions=True)')
        self.say(em, 'waiters ', E('[type(x).__name__ if isinstance(x, BaseException) else x for x in res]'))
        return hold + x + w * 0.1

    def t_timeouts(self, setup, em):
        d = 0.0
        for _ in range(self.rng.randint(2, 3)):
            k = self.rng.randint(0, 3)
            ctx = Ctx(depth=1)
            if k == 0:
                d += self.s_wait_for(em, ctx)
            elif k == 1:
                d += self.s_timeout(em, ctx)
            elif k == 2:
                x = self.pick((0, 0.5, 1))
                with em.block('try:'):
                    if self.chance(0.5):
                        self.use('equal due times (timeout)', 'asyncio.timeout')
                        with em.block(f'async with asyncio.timeout({num(x)}):'):
                            em(f'await asyncio.sleep({num(x)})')
                    else:
                        self.use('equal due times (wait_for)', 'wait_for timeout fires')
                        em(f"await asyncio.wait_for(asyncio.sleep({num(x)}), {num(x)})")
                    self.say(em, f'sleep({num(x)}) beat its equal timeout')
                with em.block('except TimeoutError:'):
                    self.say(em, f'equal timeout {num(x)} won')
                d += 2 * x
            else:
                self.use('asyncio.timeout', 'nested timeouts')
                t1, t2, s1, s2 = (self.pick((0.5, 1, 2)) for _ in range(4))
                with em.block('try:'):
                    with em.block(f'async with asyncio.timeout({num(t1)}):'):
                        with em.block('try:'):
                            with em.block(f'async with asyncio.timeout({num(t2)}):'):
                                em(f'await asyncio.sleep({num(s1)})')
                                self.say(em, 'inner sleep done')
                        with em.block('except TimeoutError:'):
                            self.say(em, 'inner timeout')
                        em(f'await asyncio.sleep({num(s2)})')
                        self.say(em, 'outer body done')
                with em.block('except TimeoutError:'):
                    self.say(em, 'outer timeout')
                d += t1 + t2 + s1 + s2
        return d

    def t_shield(self, setup, em):
        self.use('shield')
        name, hd = self.helper(Ctx(depth=1), 'guarded')
        gname = self.fresh('guard')

        def guard(f):
            with f.block('try:'):
                f('r = await asyncio.shield(task)')
                self.say(f, 'guard got ', E('r', 'r'))
                f('return r')
            with f.block('except asyncio.CancelledError:'):
                self.say(f, 'guard cancelled, task done=', E('task.done()'))
                f('raise')
            return 0
        self.nested_fn(gname, 'tag, task', guard)
        t = self.spawn(em, self.call(name))
        em(f"g = asyncio.create_task({gname}(f'{{tag}}.g', {t}))")
        w = self.pick((0, 0.1, 0.5))
        em(f'await asyncio.sleep({num(w)})')
        em('g.cancel()')
        self.use('task.cancel()', 'catch CancelledError')
        with em.block('try:'):
            em('await g')
        with em.block('except asyncio.CancelledError:'):
            self.say(em, 'guard cancelled=', E('g.cancelled()'))
        em(f'r = await {t}')
        self.say(em, 'shielded task still gave ', E('r', 'r'))
        d = hd + w
        if self.chance(0.5):
            d += self.s_shield(em, Ctx(depth=1))
        return d

    def t_joins(self, setup, em):
        """Helpers run together: wait() in its three modes, as_completed, TaskGroup, gather."""
        ctx = Ctx(depth=1)
        how = self.pick(('wait', 'wait', 'as_completed', 'taskgroup', 'gather'))
        if how == 'wait':
            return self.join_wait(em, ctx, self.kids(ctx))
        if how == 'taskgroup':
            return self.join_taskgroup(em, ctx, self.kids(ctx))
        if how == 'gather':
            return self.join_gather(em, ctx, self.kids(ctx))
        # as_completed() leaves the tasks it timed out on running: they must not raise.
        tm = self.pick((None, None, 0.5, 1))
        kids = self.kids(ctx, can_raise=tm is None)
        self.use('as_completed')
        extra = '' if tm is None else f', timeout={num(tm)}'
        calls = ', '.join(call for call, _, _ in kids)
        with em.block(f'for i, fut in enumerate(asyncio.as_completed([{calls}]{extra})):'):
            with em.block('try:'):
                em('r = await fut')
                self.say(em, 'as_completed #', E('i'), ' gave ', E('r', 'r'))
            with em.block('except TimeoutError:'):
                self.say(em, 'as_completed #', E('i'), ' timed out')
            if any(k[2] for k in kids):
                with em.block('except Exception as e:'):
                    self.say(em, 'as_completed #', E('i'), ' failed ', E('e', 'r'))
        return sum(k[1] for k in kids) + (tm or 0)

    def t_exceptions(self, setup, em):
        self.needs.add('AppError')
        self.use('raise custom exception', 'try/except')
        parts = self.pick((('retry',), ('chain',))) if self.tight(30) else ('retry', 'chain')
        d = 0.0
        if 'retry' in parts:
            fname = self.fresh('flaky')
            attempts, ok_at = self.rng.randint(2, 3), self.rng.randint(1, 4)
            fd = self.pick((0, 0.1, 0.5))

            def flaky(f):
                f(f'await asyncio.sleep({num(fd)})')
                with f.block(f'if n < {ok_at}:'):
                    self.say(f, 'flaky fails on ', E('n'))
                    f('raise RetryError(tag, n)')
                f('return n * 100')
                return fd
            self.nested_fn(fname, 'tag, n', flaky)
            with em.block(f'for attempt in range(1, {attempts + 1}):'):
                with em.block('try:'):
                    em(f'r = await {fname}(tag, attempt)')
                    self.say(em, 'attempt ', E('attempt'), ' gave ', E('r'))
                    em('break')
                with em.block('except RetryError as e:'):
                    self.say(em, 'attempt failed: ', E('e'), ' ', E('e.attempt', '='))
                    em('await asyncio.sleep(0.1 * attempt)')
            with em.block('else:'):
                self.say(em, 'gave up')
            d += attempts * (fd + 0.1 * attempts)
        if 'chain' in parts:
            self.use('raise from')
            dname, mname = self.fresh('deep'), self.fresh('middle')
            dd = self.pick((0, 0.25, 1))

            def deep(f):
                f(f'await asyncio.sleep({num(dd)})')
                f(self.pick(("raise ValueError(f'{tag} bad input')", "raise AppError(f'{tag} broke')",
                             "return {'a': 1}[tag]")))
                return dd

            def middle(f):
                with f.block('try:'):
                    f(f"return await {dname}(tag + '/deep', n)")
                with f.block('except (AppError, ValueError, KeyError) as e:'):
                    self.say(f, 'middle wraps ', E('e', 'r'))
                    f("raise AppError(f'{tag} middle failed') from e")
                return 0
            self.nested_fn(dname, 'tag, n', deep)
            self.nested_fn(mname, 'tag, n', middle)
            with em.block('try:'):
                em(f"await {mname}(f'{{tag}}/m', 1)")
            with em.block('except AppError as e:'):
                self.say(em, 'caught ', E('e', 'r'), ' cause=', E('e.__cause__', 'r'),
                         ' ', E('isinstance(e, RetryError)'))
            d += dd
        if not self.tight(12) and self.chance(0.5):
            d += self.s_try(em, Ctx(depth=1))
        return d
