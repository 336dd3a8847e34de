"""Task-level statements for tools/gen_scenarios.py: create_task, cancel(), wait_for,
timeout(), shield, gather, TaskGroup, wait. Each returns a bound of the virtual time its
timers can take, as the statements in gen_scenarios.py do."""

from gen_scenarios import WORDS, E, Ctx, Gen, num


class TaskStatements(Gen):
    def s_spawn(self, em, ctx):
        # A child that may outlive a cancelled parent must not raise: nobody would
        # retrieve its exception ("Task exception was never retrieved" at GC time).
        raises = not ctx.cancellable and self.chance(0.5)
        name, hd = self.helper(self.sub(ctx.deeper(can_raise=raises, swallow=False)))
        t = self.spawn(em, self.call(name))
        d = 0.0
        if self.chance(0.4):
            self.say(em, 'spawned ', E(f'{t}.get_name()'))
        if self.chance(0.5):
            d = self.delay()
            em(f'await asyncio.sleep({num(d)})')
            self.say(em, 'child done? ', E(f'{t}.done()'))
        r = self.fresh('r')
        if raises:
            with em.block('try:'):
                em(f'{r} = await {t}')
                self.say(em, 'child gave ', E(r, 'r'))
            with em.block('except Exception as e:'):
                self.say(em, 'child failed ', E('e', 'r'))
        else:
            em(f'{r} = await {t}')
            self.say(em, 'child gave ', E(r, 'r'))
        return d + hd

    def s_cancel_child(self, em, ctx):
        name, hd = self.helper(self.sub(ctx.deeper(can_raise=False, cancellable=True, swallow=True)))
        t = self.spawn(em, self.call(name))
        d = self.pick((None, 0, self.delay(), self.delay()))
        if d is None:
            self.use('cancel before start')
            d = 0
        else:
            em(f'await asyncio.sleep({num(d)})')
        msg = self.pick((None, None, 'stop', 'enough', 'time is up'))
        arg = '' if msg is None else self.pick((repr(msg), f'msg={msg!r}'))
        self.use('task.cancel(msg)' if msg else 'task.cancel()')
        ok = self.fresh('ok')
        em(f'{ok} = {t}.cancel({arg})')
        self.say(em, 'cancel ', E(f'{t}.get_name()'), ' -> ', E(ok))
        r = self.fresh('r')
        with em.block('try:'):
            em(f'{r} = await {t}')
            self.say(em, 'child finished anyway ', E(r, 'r'))
        with em.block('except asyncio.CancelledError as e:'):
            if ctx.cancellable:
                # The error may be our own cancellation, arriving while we await the child.
                with em.block('if asyncio.current_task().cancelling():'):
                    em('raise')
            self.say(em, 'child cancelled ', E('e.args', 'r'))
        self.use('catch CancelledError')
        if self.chance(0.5):
            self.say(em, 'cancelled=', E(f'{t}.cancelled()'), ' done=', E(f'{t}.done()'))
        return d + hd

    def s_catch_cancel(self, em, ctx):
        self.use('catch CancelledError')
        with em.block('try:'):
            d = self.body(em, ctx.deeper(swallow=False), 1, 2)
        with em.block('except asyncio.CancelledError as e:' if self.chance(0.6)
                      else 'except asyncio.CancelledError:'):
            self.say(em, 'got cancelled')
            if self.chance(0.3):
                self.use('await while cancelled')
                em('await asyncio.sleep(0)')
                self.say(em, 'cleanup awaited')
            if ctx.swallow and self.chance(0.5):
                self.use('swallow cancellation')
                if self.chance(0.5):
                    self.use('uncancel')
                    em('asyncio.current_task().uncancel()')
                self.say(em, 'ignoring the cancel')
            else:
                self.use('re-raise CancelledError')
                em('raise')
        if self.chance(0.5):
            self.use('try/finally on cancellation')
            with em.block('finally:'):
                self.say(em, 'finally runs')
        return d

    def s_wait_for(self, em, ctx):
        kinds = ['helper', 'helper', 'sleep'] + (['event'] if ctx.event else []) + (
            ['queue'] if ctx.queue else [])
        kind = self.pick(kinds)
        raises = False
        if kind == 'helper':
            # If we are cancelled, wait_for() cancels the helper and waits for it without
            # retrieving its outcome: a helper that swallowed that cancel must not raise.
            raises = self.chance(0.4)
            swallow = self.chance(0.2) and not (raises and ctx.cancellable)
            name, hd = self.helper(self.sub(ctx.deeper(cancellable=True, can_raise=raises,
                                                       swallow=swallow)))
            call = self.call(name)
        elif kind == 'sleep':
            hd = self.pick((0.5, 1, 1.5))
            call = f'asyncio.sleep({num(hd)}, result={self.pick(WORDS)!r})'
        else:
            hd = 0.0
            call = f'{ctx.event}.wait()' if kind == 'event' else f'{ctx.queue}.get()'
        how = self.weighted([(4, 'fires'), (4, 'in time'), (2, 'equal'), (0.5, 'zero')])
        if how == 'fires' or hd == 0:
            t = max(0.1, round(hd * self.pick((0.25, 0.5)), 2)) if hd else self.pick((0.1, 0.5, 1))
        elif how == 'in time':
            t = hd + self.pick((0.5, 1))
        elif how == 'equal':
            t = hd
            if kind == 'sleep':
                self.use('equal due times (wait_for)')
        else:
            t = 0
        self.use('wait_for timeout fires' if t < hd or kind in ('event', 'queue')
                 else 'wait_for in time')
        r = self.fresh('r')
        arg = self.pick((num(t), f'timeout={num(t)}'))
        with em.block('try:'):
            em(f'{r} = await asyncio.wait_for({call}, {arg})')
            self.say(em, 'wait_for gave ', E(r, 'r'))
        with em.block(f'except {self.pick(("asyncio.TimeoutError", "TimeoutError"))}:'):
            self.say(em, f'wait_for timed out after {num(t)}')
        if raises:
            with em.block('except Exception as e:'):
                self.say(em, 'wait_for raised ', E('e', 'r'))
        return hd + t

    def s_timeout(self, em, ctx):
        self.use('asyncio.timeout')
        t = self.pick((0, 0.1, 0.5, 1, 1.5, 2, 3))
        cm = self.fresh('cm')
        form = self.weighted([(4, 'timeout'), (1, 'timeout_at'), (1, 'reschedule')])
        with em.block('try:'):
            if form == 'timeout':
                em(f'async with asyncio.timeout({num(t)}) as {cm}:')
            elif form == 'timeout_at':
                em(f'async with asyncio.timeout_at(loop.time() + {num(t)}) as {cm}:')
            else:
                em(f'async with asyncio.timeout(None) as {cm}:')
            em.level += 1
            if form == 'reschedule':
                em(f'{cm}.reschedule(loop.time() + {num(t)})')
            d = self.body(em, ctx.deeper(cancellable=True, swallow=False))
            em.level -= 1
            self.say(em, 'block done, expired=', E(f'{cm}.expired()'))
        with em.block(f'except {self.pick(("asyncio.TimeoutError", "TimeoutError"))}:'):
            self.say(em, f'timeout({num(t)}) expired')
        return d + t

    def s_shield(self, em, ctx):
        # The shielded task is never cancelled by us. If we are cancelled while waiting,
        # shield()'s outer future is cancelled and, in 3.11, drops its callback on the inner
        # task (tasks.py, shield: _outer_done_callback), so nobody would retrieve an
        # exception of the now orphaned task: it may raise only if we cannot be cancelled.
        raises = not ctx.cancellable and self.chance(0.4)
        name, hd = self.helper(self.sub(ctx.deeper(cancellable=False, can_raise=raises,
                                                   swallow=False)))
        t = self.spawn(em, self.call(name))
        self.use('shield')
        tm = self.pick((0.1, 0.5, 1))
        r = self.fresh('r')
        with em.block('try:'):
            em(f'{r} = await asyncio.wait_for(asyncio.shield({t}), {num(tm)})')
            self.say(em, 'shielded result ', E(r, 'r'))
        with em.block('except TimeoutError:'):
            self.say(em, 'shield timed out, still running=', E(f'not {t}.done()'))
            if raises:
                with em.block('try:'):
                    em(f'{r} = await {t}')
                    self.say(em, 'shielded task gave ', E(r, 'r'))
                with em.block('except Exception as e:'):
                    self.say(em, 'shielded task failed ', E('e', 'r'))
            else:
                em(f'{r} = await {t}')
                self.say(em, 'shielded task gave ', E(r, 'r'))
        if raises:
            with em.block('except Exception as e:'):
                self.say(em, 'shielded task failed early ', E('e', 'r'))
        return hd + tm

    def kids(self, ctx, **kw):
        """Helpers for gather/TaskGroup/wait: [(call, duration, raises)]."""
        out = []
        for _ in range(2 if self.tight(20) else self.rng.randint(*self.cfg['kids'])):
            raises = kw.get('can_raise', True) and self.chance(0.5)
            if self.chance(0.15):
                d = self.delay()
                out.append((f'asyncio.sleep({num(d)}, result={self.pick(WORDS)!r})', d, False))
                continue
            name, hd = self.helper(self.sub(ctx.deeper(
                cancellable=True, can_raise=raises, swallow=kw.get('swallow', True) and self.chance(0.15))))
            out.append((self.call(name), hd, raises))
        return out

    def s_gather(self, em, ctx):
        return self.join_gather(em, ctx, self.kids(ctx))

    def s_taskgroup(self, em, ctx):
        return self.join_taskgroup(em, ctx, self.kids(ctx))

    def s_wait(self, em, ctx):
        # If we are cancelled inside wait(), our children live on: they must not raise.
        return self.join_wait(em, ctx, self.kids(ctx, can_raise=not ctx.cancellable))

    def join_gather(self, em, ctx, kids):
        rx = self.chance(0.5)
        self.use(f'gather(return_exceptions={rx})')
        args = []
        for call, _, _ in kids:
            args.append(f'asyncio.create_task({call})' if self.chance(0.3) else call)
        res = self.fresh('res')
        line = f'{res} = await asyncio.gather({", ".join(args)}{", return_exceptions=True" if rx else ""})'
        if rx or not any(k[2] for k in kids):
            em(line)
            self.say(em, 'gathered ', E(f'[type(x).__name__ if isinstance(x, BaseException) '
                                        f'else x for x in {res}]'))
        else:
            with em.block('try:'):
                em(line)
                self.say(em, 'gathered ', E(res))
            with em.block('except Exception as e:'):
                self.say(em, 'gather failed first with ', E('e', 'r'))
        return sum(k[1] for k in kids)

    def join_taskgroup(self, em, ctx, kids, body=True):
        self.use('TaskGroup')
        raises = any(k[2] for k in kids)
        wrap = raises or self.chance(0.3)
        tg = self.fresh('tg')
        d = sum(k[1] for k in kids)
        if wrap:
            em('try:')
            em.level += 1
        with em.block(f'async with asyncio.TaskGroup() as {tg}:'):
            ts = []
            for call, _, _ in kids:
                t = self.fresh('t')
                ts.append(t)
                if self.chance(0.5):
                    em(f"{t} = {tg}.create_task({call}, name=f'{{tag}}-{t}')")
                else:
                    em(f'{t} = {tg}.create_task({call})')
            if body and self.chance(0.5):
                d += self.body(em, ctx.deeper(cancellable=True, swallow=False, can_raise=wrap), 1, 2)
        self.say(em, 'taskgroup results ', E('[' + ', '.join(f'{t}.result()' for t in ts) + ']'))
        if wrap:
            em.level -= 1
            self.needs.add('AppError')
            if self.chance(0.5):
                self.use('except*')
                with em.block('except* RetryError as eg:'):
                    self.say(em, 'retry errors ', E('[str(x) for x in eg.exceptions]'))
            with em.block('except* Exception as eg:'):
                self.use('except*')
                self.say(em, 'taskgroup errors ', E('[type(x).__name__ for x in eg.exceptions]'))
        return d

    def join_wait(self, em, ctx, kids):
        mode = self.pick(('FIRST_COMPLETED', 'ALL_COMPLETED', 'FIRST_EXCEPTION'))
        self.use(f'wait({mode})')
        ts = self.fresh('ts')
        em(f'{ts} = []')
        for call, _, _ in kids:
            t = self.spawn(em, call)
            em(f'{ts}.append({t})')
        tm = self.pick((None, None, 0.5, 1, 2))
        done, pend = self.fresh('done'), self.fresh('pending')
        extra = '' if tm is None else f', timeout={num(tm)}'
        em(f'{done}, {pend} = await asyncio.wait({ts}, return_when=asyncio.{mode}{extra})')
        self.say(em, 'wait done=', E(f'sorted(t.get_name() for t in {done})'),
                 ' pending=', E(f'len({pend})'))
        with em.block(f'for t in {ts}:'):
            with em.block(f'if t in {done} and t.exception() is not None:'):
                self.say(em, 'wait: failed ', E('t.get_name()'), ' ', E('t.exception()', 'r'))
            with em.block(f'elif t in {done}:'):
                self.say(em, 'result ', E('t.get_name()'), ' ', E('t.result()', 'r'))
            with em.block('else:'):
                em('t.cancel()')
        rest = self.fresh('rest')
        em(f'{rest} = await asyncio.gather(*[t for t in {ts} if t in {pend}], return_exceptions=True)')
        self.say(em, 'after cancel ', E(f'[type(x).__name__ for x in {rest}]'))
        return sum(k[1] for k in kids) + (tm or 0)

    def join_each(self, em, kids):
        ts = [self.spawn(em, call) for call, _, _ in kids]
        for t, (_, _, raises) in zip(ts, kids):
            r = self.fresh('r')
            if raises:
                with em.block('try:'):
                    em(f'{r} = await {t}')
                    self.say(em, 'worker gave ', E(r, 'r'))
                with em.block('except Exception as e:'):
                    self.say(em, 'worker ', E(f'{t}.get_name()'), ' failed: ', E('e', 'r'))
            else:
                em(f'{r} = await {t}')
                self.say(em, 'worker gave ', E(r, 'r'))
        return sum(k[1] for k in kids)

    def join(self, em, kids, how):
        if how == 'gather':
            return self.join_gather(em, Ctx(), kids)
        if how == 'taskgroup':
            return self.join_taskgroup(em, Ctx(), kids, body=False)
        if how == 'wait':
            return self.join_wait(em, Ctx(), kids)
        return self.join_each(em, kids)
