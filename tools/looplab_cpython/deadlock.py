"""Deadlock report (SPEC 4): what each waiting task waits for, and who holds it.

Every asyncio Lock/Event/Condition/Semaphore/Queue registers itself at
construction (weakly); a waiting task's _fut_waiter is looked up in their
waiter deques (asyncio/locks.py and asyncio/queues.py keep the futures there).
Lock holders are recorded by wrapping Lock.acquire/release.
"""

import asyncio
import functools
import weakref
from asyncio import locks, queues
from asyncio import tasks as aio_tasks

from . import clock

_primitives = weakref.WeakSet()


def _register_on_init(cls):
    original = cls.__init__

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        _primitives.add(self)

    cls.__init__ = __init__


def _current_task_name():
    try:
        task = asyncio.current_task()
    except RuntimeError:            # no running loop
        task = None
    return task.get_name() if task is not None else None


def install():
    for cls in (locks.Lock, locks.Event, locks.Condition, locks.Semaphore,
                queues.Queue):      # subclasses call these __init__s
        _register_on_init(cls)

    acquire, release = locks.Lock.acquire, locks.Lock.release

    # Awaiting a coroutine from a coroutine adds no loop iteration, so the
    # wrapper does not change scheduling (no suspension when uncontended).
    @functools.wraps(acquire)
    async def acquire_recording_holder(self):
        result = await acquire(self)
        self._looplab_holder = _current_task_name()
        return result

    @functools.wraps(release)
    def release_forgetting_holder(self):
        release(self)
        self._looplab_holder = None

    locks.Lock.acquire = acquire_recording_holder
    locks.Lock.release = release_forgetting_holder


def _holds(waiters, fut):
    return any(w is fut for w in (waiters or ()))


def describe(fut):
    """What a task whose _fut_waiter is fut waits for (docs/cpython-runner.md)."""
    if isinstance(fut, aio_tasks._PyTask):
        return fut.get_name()
    if isinstance(fut, aio_tasks._GatheringFuture):
        return 'gather'
    prims = list(_primitives)
    for q in prims:                 # first: Queue.join waits on q._finished
        if isinstance(q, queues.Queue):
            name = ('PriorityQueue' if isinstance(q, queues.PriorityQueue) else
                    'LifoQueue' if isinstance(q, queues.LifoQueue) else 'Queue')
            if _holds(q._getters, fut):
                return f'{name}.get (empty)'
            if _holds(q._putters, fut):
                return f'{name}.put (full)'
            if _holds(q._finished._waiters, fut):
                return f'{name}.join ({q._unfinished_tasks} unfinished)'
    for p in prims:
        if isinstance(p, queues.Queue) or not _holds(p._waiters, fut):
            continue
        if isinstance(p, locks.Lock):
            holder = getattr(p, '_looplab_holder', None) or 'nobody'
            return f'Lock held by {holder}'
        if isinstance(p, locks.Semaphore):
            name = ('BoundedSemaphore' if isinstance(p, locks.BoundedSemaphore)
                    else 'Semaphore')
            return f'{name} (value {p._value})'
        if isinstance(p, locks.Event):
            return 'Event'
        if isinstance(p, locks.Condition):
            return 'Condition'
    return 'Future'


def report(loop):
    """Called by the selector when the loop would block forever. Exits 3."""
    waiting = sorted((t for t in aio_tasks._all_tasks
                      if t._loop is loop and not t.done()
                      and getattr(t, '_fut_waiter', None) is not None),
                     key=lambda t: t._looplab_num)
    lines = [f'looplab: deadlock at t={clock.fmt(clock.now)}']
    lines += [f'  {t.get_name()} waits for {describe(t._fut_waiter)}'
              for t in waiting]
    clock.stop('\n'.join(lines), 3)
