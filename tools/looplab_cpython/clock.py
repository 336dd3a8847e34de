"""The run's virtual clock, its limits (--until, --max-steps), the --ticks file,
and the ways a run ends early (SPEC 4 and 5).

Everything here is module state: one runner process runs one scenario, and every
event loop the scenario creates shares this one clock.
"""

import datetime as _datetime
import itertools
import operator
import os
import sys
import time as _time

# Saved before patching, for the few places that need the real thing.
_real = {name: getattr(_time, name) for name in (
    'sleep', 'time', 'time_ns', 'monotonic', 'monotonic_ns',
    'perf_counter', 'perf_counter_ns', 'localtime', 'gmtime', 'ctime',
    'asctime', 'strftime')}

EPOCH = 1704067200.0          # 2024-01-01 00:00:00 UTC, time.time() at t=0

now = 0.0                     # the virtual clock, seconds since the run started
until = 300.0                 # --until: nothing due later than this runs
max_steps = None              # --max-steps: stop before step max_steps + 1
steps = 0                     # task steps taken so far (Task.__step calls)
_ticks = None                 # open --ticks file, or None

next_loop_number = itertools.count(1).__next__    # loops 1, 2, ... per run
next_task_number = itertools.count(1).__next__    # task creation numbers = hashes
next_future_hash = itertools.count(1).__next__    # other futures, at first hash()
next_timer_seq = itertools.count(1).__next__      # tie-breaker for equal due times


def fmt(t):
    """LoopLab's message format: at most 6 decimals, no trailing zeros/dot."""
    return ('%.6f' % t).rstrip('0').rstrip('.')


def open_ticks(path):
    global _ticks
    _ticks = open(path, 'w', encoding='utf-8')


def close_ticks():
    global _ticks
    if _ticks is not None:
        _ticks.close()
        _ticks = None


def advance_to(t):
    """Jump to t exactly (assigned, never computed as now + delay, so a timer's
    own due time is what time() returns when it runs). Never backwards."""
    global now
    if t > now:
        now = t


def on_step(task):
    """Called by Task.__step before it resumes the coroutine."""
    global steps
    if max_steps is not None and steps >= max_steps:
        stop(f'looplab: stopped after {max_steps} steps (step limit)', 0)
    steps += 1
    if _ticks is not None:
        _ticks.write('%.6f %d %s\n' % (now, task._loop._looplab_number,
                                       task.get_name()))


def stop(message, code):
    """End the run now: the program's output first, then LoopLab's message.
    os._exit skips interpreter shutdown, so no 'Task was destroyed but it is
    pending!' or shutdown tracebacks follow the message."""
    for stream in (sys.stdout, sys.__stdout__):
        try:
            stream.flush()
        except Exception:
            pass
    close_ticks()
    try:
        sys.stderr.flush()
    except Exception:
        pass
    err = sys.__stderr__
    err.write(message + '\n')
    err.flush()
    os._exit(code)


def stop_time_limit():
    advance_to(until)
    stop(f'looplab: stopped at t={fmt(until)} (time limit)', 0)


# --- the patched time module (SPEC 4) -------------------------------------

def block(secs):
    """The calling thread is busy or blocked for secs (>= 0, checked by the
    caller): on the loop's thread that freezes the loop, so the shared clock
    simply moves by exactly secs; timers that fell due meanwhile run at the
    loop's next iteration, as overdue. The one implementation behind
    time.sleep, sim.cpu and requests.get (docs/world.md)."""
    global now
    target = now + secs
    if target > until:
        stop_time_limit()
    now = target


_PYTIME_LIMIT = 2 ** 63     # _PyTime_t counts nanoseconds in an int64


def sleep(secs):
    """time.sleep: its argument checks and messages (Python/pytime.c
    _PyTime_FromObject, Modules/timemodule.c time_sleep), then block()."""
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        too_large = not -_PYTIME_LIMIT <= secs * 1e9 < _PYTIME_LIMIT
    else:
        secs = operator.index(secs)   # "'str' object cannot be interpreted..."
        too_large = not -_PYTIME_LIMIT <= secs * 10 ** 9 < _PYTIME_LIMIT
    if too_large:
        raise OverflowError('timestamp too large to convert to C _PyTime_t')
    if secs < 0:
        raise ValueError('sleep length must be non-negative')
    block(secs)


def monotonic():
    return now


def monotonic_ns():
    return int(now * 1e9)


def time():
    return EPOCH + now


def time_ns():
    return int(EPOCH * 1e9) + int(now * 1e9)


def localtime(secs=None):
    return _real['localtime'](time() if secs is None else secs)


def gmtime(secs=None):
    return _real['gmtime'](time() if secs is None else secs)


def ctime(secs=None):
    return _real['ctime'](time() if secs is None else secs)


def asctime(t=None):
    return _real['asctime'](localtime() if t is None else t)


def strftime(format, t=None):
    return _real['strftime'](format, localtime() if t is None else t)


class datetime(_datetime.datetime):
    """datetime.datetime is a C type whose now() reads the real clock; this
    subclass replaces the module attribute so the scenario's `datetime.now()`
    is 2024-01-01 00:00:00 + clock (local time is UTC, see install_time)."""

    @classmethod
    def now(cls, tz=None):
        t = cls(2024, 1, 1) + _datetime.timedelta(seconds=now)
        if tz is None:
            return t
        return tz.fromutc(t.replace(tzinfo=tz))

    @classmethod
    def today(cls):
        return cls.now()

    @classmethod
    def utcnow(cls):
        return cls.now()

    def __repr__(self):
        # The C repr prints the type's bare name; CPython shows the module too.
        text = super().__repr__()
        return 'datetime.' + text if type(self) is datetime else text


datetime.__module__ = 'datetime'


def install_time():
    """Patch time and datetime before the scenario imports them. TZ=UTC makes
    time.localtime() and datetime.fromtimestamp() agree with datetime.now()."""
    os.environ['TZ'] = 'UTC'
    _time.tzset()
    for name in ('sleep', 'time', 'time_ns', 'monotonic', 'monotonic_ns',
                 'localtime', 'gmtime', 'ctime', 'asctime', 'strftime'):
        setattr(_time, name, globals()[name])
    _time.perf_counter = monotonic
    _time.perf_counter_ns = monotonic_ns
    _datetime.datetime = datetime
