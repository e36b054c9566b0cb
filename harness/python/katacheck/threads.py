"""Plain threads that the learner's code or a kata's fakes start while a virtual loop runs.

Such a thread runs for real, on its own ledger of virtual time (its `time.sleep` adds to the ledger, its
clock reads start + spent). While it works the loop does not move virtual time, so what it hands back
can never arrive "late" because the machine was slow. A callback it hands over with
`call_soon_threadsafe` (which `run_coroutine_threadsafe` uses too) runs at the thread's virtual time.

A thread blocked in a `threading.Condition` wait (Event.wait, Queue.get, concurrent Future.result,
which `run_coroutine_threadsafe(...).result()` is) is idle: the loop may move time meanwhile, or
report a deadlock when nothing else can wake anyone. Whoever notifies marks it busy again before it
wakes, so there is no moment where a woken thread looks idle.

Threads started by the standard library (executor and process-pool machinery) are not tracked: they
are long-lived and the executor module accounts for their work.
"""
import os
import sys
import threading

from . import awaited
from .clock import Ledger, current_ledger, running_virtual_loop, set_ledger

_STDLIB = os.path.dirname(os.path.abspath(threading.__file__))
_HARNESS = os.path.dirname(os.path.abspath(__file__))
_state = threading.local()  # .tracked: the Tracked record of the current thread, if any
_guard = threading.Lock()


class Tracked:
    __slots__ = ("loop", "ledger", "idle")

    def __init__(self, loop, ledger):
        self.loop = loop
        self.ledger = ledger
        self.idle = False


def tracked():
    return getattr(_state, "tracked", None)


def enter(record):
    """The calling thread works for `record` (executor workers call this too)."""
    _state.tracked = record
    set_ledger(record.ledger)


def leave():
    set_ledger(None)
    _state.tracked = None


class _Idle:
    """While blocked, the calling tracked thread is idle; afterwards it resumes at the loop's now if that
    is later than its own time, since time went by on the loop while it waited."""

    __slots__ = ("record",)

    def __init__(self, record):
        self.record = record

    def __enter__(self):
        _set_idle(self.record, True)

    def __exit__(self, *exc):
        _set_idle(self.record, False)
        ledger = self.record.ledger
        ledger.spent = max(ledger.spent, self.record.loop.clock.now - ledger.start)


def _set_idle(record, idle):
    with _guard:
        if record.idle == idle:
            return
        record.idle = idle
        record.loop.idle_threads += 1 if idle else -1
    if idle:  # the loop may be waiting for this thread: now it can move time on, so wake it
        try:
            record.loop._write_to_self()
        except Exception:  # closed meanwhile
            pass


def _loop_for_new_thread():
    loop = running_virtual_loop()
    if loop is not None:
        return loop, loop.clock.now
    parent = tracked()
    if parent is not None:
        return parent.loop, parent.ledger.start + parent.ledger.spent
    return None, None


_real_start = threading.Thread.start


def _start(self):
    awaited.thread_started(self)
    caller = sys._getframe(1).f_code.co_filename
    ours = caller.startswith(_STDLIB) or caller.startswith(_HARNESS)
    loop, start = (None, None) if ours else _loop_for_new_thread()
    if loop is None or loop.is_closed():
        return _real_start(self)
    record = Tracked(loop, Ledger(start))
    run = self.run
    joins = self.__dict__.setdefault("_katacheck_joins", _Joins())

    def run_tracked():
        enter(record)
        try:
            run()
        finally:
            leave()
            with _guard:
                waiting, joins.waiting, joins.finished = joins.waiting, [], True
            for joiner in waiting:  # busy again before they wake: no moment where all look idle
                _set_idle(joiner, False)
            loop.real_work_finished_threadsafe()

    self.run = run_tracked
    loop.real_work_started()
    try:
        return _real_start(self)
    except BaseException:
        loop.real_work_finished()
        raise


_real_wait = threading.Condition.wait
_real_notify = threading.Condition.notify


def _wait(self, timeout=None):
    record = tracked()
    if record is None:
        return _real_wait(self, timeout)
    waiting = self.__dict__.setdefault("_katacheck_waiting", [])
    waiting.append(record)
    try:
        with _Idle(record):
            return _real_wait(self, timeout)
    finally:
        if record in waiting:  # timed out, not notified
            waiting.remove(record)


_real_join = threading.Thread.join


class _Joins:
    """Who waits in join() for a tracked thread, and whether it is past the point of waking them."""

    __slots__ = ("waiting", "finished")

    def __init__(self):
        self.waiting = []
        self.finished = False


def _join(self, timeout=None):
    record = tracked()
    joins = self.__dict__.get("_katacheck_joins")
    if record is None or joins is None:
        return _real_join(self, timeout)
    with _guard:
        # A thread past its last step is about to end: joining it is not waiting on anything.
        if joins.finished:
            return _real_join(self, timeout)
        joins.waiting.append(record)
    try:
        with _Idle(record):
            return _real_join(self, timeout)
    finally:
        with _guard:
            if record in joins.waiting:
                joins.waiting.remove(record)


def _notify(self, n=1):
    waiting = self.__dict__.get("_katacheck_waiting")
    if waiting:
        for record in waiting[:n]:
            _set_idle(record, False)
        del waiting[:n]
    return _real_notify(self, n)


def thread_time():
    """The virtual time of the calling tracked thread, or None."""
    record = tracked()
    if record is None or current_ledger() is not record.ledger:
        return None
    return record.ledger.start + record.ledger.spent


_installed = [False]


def install():
    if _installed[0]:
        return
    _installed[0] = True
    threading.Thread.start = _start
    threading.Condition.wait = _wait
    threading.Condition.notify = _notify
    threading.Thread.join = _join
    # notify_all calls self.notify(len(waiters)) in 3.10-3.14, so it goes through _notify too.
