"""The event loop on the virtual clock: asyncio's own SelectorEventLoop with a
selector that never sleeps, and timers that keep scheduling order on ties."""

import asyncio
import heapq
import selectors
import threading
from asyncio import events, unix_events

from . import clock, deadlock


class TimerHandle(events.TimerHandle):
    """events.TimerHandle orders by _when only, and heapq scrambles equal keys
    (five or more sleepers due at once wake in a jumbled order). On a real clock
    ties never happen -- a later call_later gets a later due time -- so ordering
    ties by scheduling sequence is what a real run shows (SPEC 4)."""

    __slots__ = ('_looplab_seq',)

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        if self._source_traceback:      # debug mode: drop this extra frame
            del self._source_traceback[-1]
        self._looplab_seq = clock.next_timer_seq()

    def _key(self):
        return (self._when, self._looplab_seq)

    def __lt__(self, other):
        if isinstance(other, TimerHandle):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, TimerHandle):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, TimerHandle):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, TimerHandle):
            return self._key() >= other._key()
        return NotImplemented

    def __eq__(self, other):
        if isinstance(other, TimerHandle):
            return self._key() == other._key()
        return NotImplemented

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = events.TimerHandle.__hash__


class VirtualSelector:
    """Wraps a real selector (the loop's self-pipe, used by
    call_soon_threadsafe from executor threads, stays real) but select() never
    waits for time to pass: base_events.BaseEventLoop._run_once asks for
    timeout = head timer's _when - time(); we set the clock to that _when
    exactly, so its `end_time = self.time() + self._clock_resolution` test
    then finds the timer ready."""

    def __init__(self):
        self._real = selectors.DefaultSelector()
        self.loop = None

    def __getattr__(self, name):        # register, unregister, modify, ...
        return getattr(self._real, name)

    def select(self, timeout=None):
        events_ = self._real.select(0)
        if events_ or timeout == 0:
            return events_
        loop = self.loop
        # Work in executor threads costs no virtual time: wait (really) for it
        # to call back before letting timers fire.
        loop._looplab_executor_jobs = [
            f for f in loop._looplab_executor_jobs if not f.done()]
        if loop._looplab_executor_jobs:
            return self._real.select(None)
        if timeout is None:
            # Nothing ready, no timer: only another thread (e.g. the one
            # shutdown_default_executor starts) could still wake us.
            while _busy_threads():
                events_ = self._real.select(0.05)
                if events_:
                    return events_
            if loop._ready:          # a thread appended without waking us
                return []
            deadlock.report(loop)    # exits
        when = loop._scheduled[0]._when
        if when > clock.until:
            clock.stop_time_limit()  # exits
        clock.advance_to(when)
        return []


def _busy_threads():
    """Threads that may still call back into the loop. Idle pool workers never
    will on their own (pending executor jobs are tracked separately)."""
    me = threading.current_thread()
    return [t for t in threading.enumerate() if t is not me and t.is_alive()
            and not t.name.startswith('ThreadPoolExecutor-')]


class VirtualLoop(unix_events._UnixSelectorEventLoop):
    """asyncio.SelectorEventLoop on the virtual clock; numbered per run.
    Its create_future (base_events) builds futures.Future, which tasks.install
    has replaced by the deterministic _PyFuture subclass; its create_task builds
    tasks.Task, likewise replaced."""

    def __init__(self, selector=None):   # a selector passed in is ignored
        self._looplab_number = clock.next_loop_number()
        self._looplab_executor_jobs = []
        selector = VirtualSelector()
        super().__init__(selector)
        selector.loop = self

    def time(self):
        return clock.now

    def call_at(self, when, callback, *args, context=None):
        # base_events.BaseEventLoop.call_at, with our TimerHandle.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = TimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer

    def run_in_executor(self, executor, func, *args):
        fut = super().run_in_executor(executor, func, *args)
        self._looplab_executor_jobs.append(fut)
        return fut


class VirtualLoopPolicy(unix_events._UnixDefaultEventLoopPolicy):
    # events.BaseDefaultEventLoopPolicy.new_event_loop calls _loop_factory();
    # asyncio.run (runners.Runner._lazy_init) goes through it.
    _loop_factory = VirtualLoop


def install():
    asyncio.SelectorEventLoop = unix_events.SelectorEventLoop = VirtualLoop
    asyncio.DefaultEventLoopPolicy = VirtualLoopPolicy
    unix_events.DefaultEventLoopPolicy = VirtualLoopPolicy
    asyncio.set_event_loop_policy(VirtualLoopPolicy())
