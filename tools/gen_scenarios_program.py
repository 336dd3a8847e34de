"""Program assembly for tools/gen_scenarios.py: scenes chosen to fill the size's line
target, main() running them one after another, under gather() or as tasks, the module
prelude (exception classes, small classes) the code uses, and the header."""

import textwrap

from gen_scenarios import E, SIZES, TIME_BOUND, Emitter, num
from gen_scenarios_flow import KINDS, Scenes

PRELUDE = {
    'AppError': '''
        class AppError(Exception):
            """The scenario's own errors."""


        class RetryError(AppError):
            def __init__(self, tag, attempt):
                super().__init__(f"{tag} gave up after {attempt}")
                self.tag = tag
                self.attempt = attempt
        ''',
    'Ledger': '''
        class Ledger:
            def __init__(self, name):
                self.name = name
                self.entries = []

            def record(self, who, amount):
                self.entries.append((who, amount))
                return len(self.entries)

            def __repr__(self):
                total = sum(a for _, a in self.entries)
                return f"Ledger({self.name!r}, {len(self.entries)} entries, total={total})"


        LEDGER = Ledger("main")
        ''',
    'Point': '''
        class Point:
            def __init__(self, x, y):
                self.x, self.y = x, y

            def moved(self, dx, dy):
                return Point(self.x + dx, self.y + dy)

            def norm2(self):
                return self.x ** 2 + self.y ** 2

            def __str__(self):
                return f"({self.x}, {self.y})"
        ''',
    'Job': '''
        @dataclasses.dataclass(order=True)
        class Job:
            prio: int
            seq: int
            name: str = dataclasses.field(compare=False, default=None)


        SEQ = itertools.count()
        ''',
    'TRAIL': '''
        TRAIL = []
        ''',
}



class Program(Scenes):
    def program(self):
        lo, hi = self.cfg['scenes']
        target = self.rng.randint(*self.cfg['lines']) - 20   # less the header, main, classes
        scenes = []
        for kind in self.rng.sample(KINDS, len(KINDS)):
            used = sum(len(s[1]) for s in scenes)
            if len(scenes) == hi or (len(scenes) >= lo and target - used < 20):
                break
            budget = min(self.cfg['budget'], max(8, target - used - 15))
            scenes.append(self.scene(kind, len(scenes) + 1, budget))
        bound = sum(s[2] for s in scenes)
        ending = self.weighted([(92, 'normal'), (3, 'uncaught'), (2, 'exit'), (3, 'deadlock')])
        code = {'normal': 0, 'uncaught': 1, 'exit': 7, 'deadlock': 3}[ending]
        m = Emitter()
        with m.block('async def main():'):
            if self.local_loop:
                m('loop = asyncio.get_running_loop()')
            else:
                m('global loop')
                m('loop = asyncio.get_running_loop()')
                self.use('global')
            m("tag, n = 'main', 0")
            self.say(m, 'start')
            how = self.pick(('seq', 'gather', 'tasks'))
            if how == 'seq':
                for i, (name, _, _) in enumerate(scenes):
                    m(f"r = await {name}('s{i + 1}', {i + 1})")
                    self.say(m, 'scene gave ', E('r', 'r'))
            elif how == 'gather':
                calls = ', '.join(f"{name}('s{i + 1}', {i + 1})" for i, (name, _, _) in enumerate(scenes))
                m(f'res = await asyncio.gather({calls})')
                self.say(m, 'scenes gave ', E('res'))
            else:
                m('ts = []')
                for i, (name, _, _) in enumerate(scenes):
                    m(f"ts.append(asyncio.create_task({name}('s{i + 1}', {i + 1}), name='scene-{i + 1}'))")
                with m.block('for t in ts:'):
                    self.say(m, 'scene ', E('t.get_name()'), ' gave ', E('await t', 'r'))
            if 'Ledger' in self.needs:
                self.say(m, 'ledger ', E('LEDGER'))
            if 'TRAIL' in self.needs:
                self.say(m, 'trail ', E('len(TRAIL)'), ' ', E('TRAIL[:4]'))
            bound += self.ending(m, ending)
        self.use(f'ending: {ending}')
        head = [f'# LoopLab random scenario: tools/gen_scenarios.py --seed {self.seed} --size {self.size}']
        head += ['# ' + line for line in textwrap.wrap('features: ' + ', '.join(sorted(self.features)), 88,
                                                    break_on_hyphens=False)]
        head += [f'# virtual time bound: {num(bound)}', f'# expect: exit {code}']
        imports = ['asyncio', 'random'] + (['dataclasses', 'itertools'] if 'Job' in self.needs else [])
        out = head + [f'import {i}' for i in imports] + ['']
        for piece in ('AppError', 'Ledger', 'Point', 'Job', 'TRAIL'):
            if piece in self.needs:
                out += textwrap.dedent(PRELUDE[piece]).strip('\n').split('\n') + ['']
        for h in self.module_helpers:
            out += h + ['']
        for _, lines, _ in scenes:
            out += lines + ['']
        out += m.lines + ['']
        if self.chance(0.5):
            out += ['if __name__ == "__main__":', '    asyncio.run(main())']
        else:
            out += ['asyncio.run(main())']
        return '\n'.join(out) + '\n', len(out), bound

    def ending(self, m, ending):
        """The end of main(); returns the virtual time its timers add."""
        if ending == 'uncaught':
            self.needs.add('AppError')
            self.say(m, 'about to fail')
            m("raise AppError('unhandled at the end')")
        elif ending == 'exit':
            self.say(m, 'exiting with 7')
            m('raise SystemExit(7)')
        elif ending == 'deadlock':
            k = self.rng.randint(0, 2)
            self.say(m, 'about to block forever')
            if k == 0:
                m('await asyncio.Event().wait()')
            elif k == 1:
                m('await asyncio.Queue().get()')
            else:
                m('a, b = asyncio.Lock(), asyncio.Lock()')
                with m.block('async def grab(tag, first, second):'):
                    self.loop_line(m)
                    with m.block('async with first:'):
                        m('await asyncio.sleep(0.1)')
                        with m.block('async with second:'):
                            self.say(m, 'never printed')
                m("await asyncio.gather(grab('x', a, b), grab('y', b, a))")
                return 0.2
        else:
            self.say(m, 'done')
        return 0.0


def generate(seed, size='medium'):
    """The program for (seed, size): the first attempt whose line count suits the size and
    whose virtual time bound is under TIME_BOUND, else the bounded one nearest in size."""
    lo, hi = SIZES[size]['lines']
    best = None
    for attempt in range(60):
        text, lines, bound = Program(seed, size, attempt).program()
        if bound > TIME_BOUND:
            continue
        if lo <= lines <= hi:
            return text
        miss = lo - lines if lines < lo else lines - hi
        if best is None or miss < best[0]:
            best = (miss, text)
    if best is None:
        raise RuntimeError(f'seed {seed}: no program under the time bound')
    return best[1]
