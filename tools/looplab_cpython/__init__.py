"""Helpers for tools/cpython_runner.py: run asyncio programs under CPython 3.11
on LoopLab's deterministic virtual clock (docs/cpython-runner.md).

  clock     the virtual clock, run limits, --ticks, patched time/datetime
  loop      SelectorEventLoop whose selector never sleeps; tie-ordered timers
  tasks     pure-Python Task/Future that hash deterministically; as_completed
  deadlock  primitive registry and the deadlock report
"""

import os
import runpy
import sys
import traceback
from asyncio import futures as _futures
from asyncio import tasks as _aio_tasks

from . import clock, deadlock, loop, tasks

_HERE = os.path.dirname(os.path.abspath(__file__))
_TOOLS = os.path.dirname(_HERE)


def _hidden_codes():
    """Frames a real run does not show: the C Task/Future have no Python frames
    for __step, __wakeup, result() or __await__, and the runner's own frames
    (this package, cpython_runner.py, runpy) are not the program's."""
    codes = set()
    for cls in (_futures._PyFuture, _aio_tasks._PyTask):
        for value in vars(cls).values():
            code = getattr(value, '__code__', None)
            if code is not None:
                codes.add(code)
    return codes


def _install_traceback_filter():
    hidden = _hidden_codes()
    ours = (os.path.join(_TOOLS, 'cpython_runner.py'), _HERE + os.sep,
            runpy.__file__)
    walk = traceback._walk_tb_with_full_positions   # used by TracebackException

    def walk_visible(tb):
        for frame, positions in walk(tb):
            code = frame.f_code
            if code not in hidden and not code.co_filename.startswith(ours):
                yield frame, positions

    traceback._walk_tb_with_full_positions = walk_visible
    # The default sys.excepthook is C code that would show every frame.
    sys.excepthook = lambda t, v, tb: traceback.print_exception(t, v, tb)


def _install_cpu_count():
    """SPEC 3: os.cpu_count() (and so multiprocessing.cpu_count() and the
    default ThreadPoolExecutor's min(32, cpu_count + 4) workers) is sim.CORES,
    4 unless the scenario changes it; read at each call."""
    def cpu_count():
        return getattr(sys.modules.get('sim'), 'CORES', 4)
    os.cpu_count = cpu_count


def install():
    """Patch CPython's asyncio/time/datetime/os.cpu_count for one run, before
    the scenario."""
    clock.install_time()
    _install_cpu_count()
    tasks.install()
    loop.install()
    deadlock.install()
    _install_traceback_filter()
