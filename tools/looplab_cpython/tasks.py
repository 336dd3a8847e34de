"""Task and Future made deterministic (SPEC 4).

The C _asyncio.Task/Future hash by address, so sets of tasks (wait()'s done
and pending, all_tasks(), asyncio.run's cancellation of leftovers) iterate in
an order that changes from run to run. We use CPython's own pure-Python
implementation (asyncio.futures._PyFuture, asyncio.tasks._PyTask), which
schedules identically, in subclasses that hash by creation number (tasks) or
by order of first hash (other futures), and that still print as
<class '_asyncio.Task'> / <class '_asyncio.Future'>.
"""

import asyncio
from asyncio import futures
from asyncio import tasks as aio_tasks

from . import clock


class Future(futures._PyFuture):
    def __hash__(self):
        try:
            return self._looplab_hash
        except AttributeError:
            self._looplab_hash = clock.next_future_hash()
            return self._looplab_hash


# MRO: Task, _PyTask, Future, _PyFuture -- so isinstance(task, asyncio.Future)
# holds as it does for the C types.
class Task(aio_tasks._PyTask, Future):
    def __init__(self, coro, *, loop=None, name=None, context=None):
        # Set before _PyTask.__init__: _register_task puts us in a WeakSet,
        # which hashes us. Named tasks get a creation number too; only the
        # 'Task-N' name counter (tasks._task_name_counter) skips them.
        self._looplab_num = clock.next_task_number()
        super().__init__(coro, loop=loop, name=name, context=context)
        if self._source_traceback:      # drop this frame, as _PyTask does its own
            del self._source_traceback[-1]

    def __hash__(self):
        return self._looplab_num

    # _PyTask's name-mangled self.__step / self.__wakeup resolve to these.
    def _Task__step(self, exc=None):
        clock.on_step(self)
        try:
            aio_tasks._PyTask._Task__step(self, exc)
        finally:
            # This frame is linked to _PyTask.__step's, which a failed task's exception
            # traceback holds: task -> exception -> traceback -> frames -> task. Break the
            # cycle as _PyTask does, or a failed task lives until the collector runs at exit
            # and "Task exception was never retrieved" comes after main's traceback, where
            # the C Task (no Python frames) reports it before.
            self = None

    def _Task__wakeup(self, future):
        # As C's task_wakeup (Modules/_asynciomodule.c): fetch the future's exception,
        # then step the task AFTER the except block. _PyTask.__wakeup steps it from
        # inside its `except`, so the coroutine would run while that exception is being
        # handled: sys.exc_info() would see it and whatever the coroutine raised later in
        # the same step would get it as a spurious __context__.
        try:
            future.result()
        except BaseException as exc:
            error = exc
        else:
            error = None
        try:
            self._Task__step(error)
        finally:
            # error -> its traceback -> this frame -> error: break the cycle, as _PyTask
            # breaks its own with `self = None`, so tasks are freed when CPython frees them.
            error = None
            self = None

    # The C Task's wakeup callback prints as Task.task_wakeup() inside future
    # reprs (wait_for=<Future pending cb=[Task.task_wakeup()]>).
    _Task__wakeup.__qualname__ = 'Task.task_wakeup'


for _cls, _name in ((Future, 'Future'), (Task, 'Task')):
    _cls.__module__ = '_asyncio'
    _cls.__name__ = _cls.__qualname__ = _name


class _GatheringFuture(Future):
    """asyncio.tasks._GatheringFuture, verbatim, but on our Future: the original
    subclasses the C Future and so would hash by address."""

    def __init__(self, children, *, loop):
        assert loop is not None
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            # If any child tasks were actually cancelled, we should
            # propagate the cancellation request regardless of
            # *return_exceptions* argument.  See issue 32684.
            self._cancel_requested = True
        return ret


_GatheringFuture.__module__ = 'asyncio.tasks'


def _make_as_completed():
    """asyncio.tasks.as_completed with one change: 3.11 wraps the awaitables
    with `{ensure_future(f, loop=loop) for f in set(fs)}`, and a set of
    coroutine objects iterates by address, so task numbers (and so completion
    order among ties) vary from run to run. We compile CPython's own source with
    `set(fs)` replaced by `dict.fromkeys(fs)` -- the same de-duplication, in
    argument order -- under tasks.py's file name and line numbers, so
    tracebacks through it are unchanged."""
    import inspect
    old = '{ensure_future(f, loop=loop) for f in set(fs)}'
    new = '{ensure_future(f, loop=loop) for f in dict.fromkeys(fs)}'
    lines, first = inspect.getsourcelines(aio_tasks.as_completed)
    source = ''.join(lines)
    if source.count(old) != 1:
        raise RuntimeError('asyncio.tasks.as_completed is not the 3.11 one')
    source = '\n' * (first - 1) + source.replace(old, new)
    namespace = dict(vars(aio_tasks))
    exec(compile(source, aio_tasks.__file__, 'exec'), namespace)
    return namespace['as_completed']


as_completed = _make_as_completed()


def install():
    # Not installed as a task factory: with a factory, 3.11's
    # BaseEventLoop.create_task builds the task without its name and renames
    # it after, so loop.create_task(coro, name='x') would wrongly use up a
    # Task-N number. base_events.create_task calls tasks.Task, patched here.
    asyncio.Future = futures.Future = Future
    asyncio.Task = aio_tasks.Task = Task
    aio_tasks._GatheringFuture = _GatheringFuture
    asyncio.as_completed = aio_tasks.as_completed = as_completed
