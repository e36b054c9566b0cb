"""Which threads take part in the virtual clock, and `Thread.join` on it.

A thread started by a participant (vsched.py) from the learner's code, a kata's tests, or the standard
library's thread pools (ThreadPoolExecutor's workers, asyncio's default executor and its shutdown) is a
participant itself: it runs only while it holds the baton, and its sleeps and waits take virtual time.
Threads that wait on real things the scheduler can't see (a process pool's management thread, the child
watcher of asyncio's subprocesses, the harness's own watchdog) run for real, as non-participants.
"""
import os
import sys
import threading

from . import awaited, clock, vsched
from .clock import CLOCK
from .vlocks import quiet, report_wait

_HARNESS = os.path.dirname(os.path.abspath(__file__))
_STDLIB = os.path.dirname(os.path.abspath(threading.__file__))
# Standard-library callers whose threads are scheduled: their waits are all on locks and queues.
_SCHEDULED_STDLIB = tuple(os.path.join(_STDLIB, *p) for p in (
    ("concurrent", "futures", "thread.py"),
    ("asyncio", "base_events.py"),
    ("asyncio", "threads.py"),
    ("threading.py",),
))

_real_start = threading.Thread.start
_real_join = threading.Thread.join
_on_thread_start = []  # functions run first in every participant thread (origin tracking, tracers)


def _scheduled(caller):
    if caller.startswith(_HARNESS):
        return False
    if caller.startswith(_STDLIB):
        return caller.startswith(_SCHEDULED_STDLIB)
    return True


def _start(self):
    awaited.thread_started(self)
    parent = vsched.current()
    if parent is None:
        return _real_start(self)
    if not _scheduled(sys._getframe(1).f_code.co_filename):
        # A thread that runs for real: while start() waits for it to begin, time stands still.
        vsched.external_begin()
        quiet.depth += 1
        try:
            return _real_start(self)
        finally:
            quiet.depth -= 1
            vsched.external_end()
    p = vsched.new_participant(self.name)
    self._ak_participant = p
    run = self.run

    def run_scheduled():
        vsched.external_end()  # it has started: from now on the scheduler knows where it is
        vsched.enter(p)
        try:
            for hook in _on_thread_start:
                hook()
            run()
        except SystemExit:
            pass
        except BaseException:
            # As threading reports it, but while still scheduled: nothing runs beside it.
            self._invoke_excepthook(self)
        finally:
            vsched.leave(p)

    self.run = run_scheduled
    # Until the new thread has entered, the scheduler must not move time or call it a deadlock.
    vsched.external_begin()
    quiet.depth += 1  # start() waits for the new thread to begin: that is no wait of the learner's
    try:
        return _real_start(self)
    except BaseException:
        vsched.external_end()
        raise
    finally:
        quiet.depth -= 1


def _join(self, timeout=None):
    me = vsched.running()
    target = getattr(self, "_ak_participant", None)
    if me is None or target is None:
        if me is not None:  # a thread the scheduler can't see: wait for it in real time
            with vsched.external(me):
                return _real_join(self, timeout)
        return _real_join(self, timeout)
    if self is threading.current_thread():
        return _real_join(self, timeout)  # CPython's own RuntimeError
    started = CLOCK.now
    on_loop = clock.running_virtual_loop() is not None
    if not target.done:
        deadline = None if timeout is None else CLOCK.now + max(0.0, timeout)
        target.joiners.append(me)
        try:
            vsched.block(me, until=deadline, on=target)
        finally:
            if me in target.joiners:
                target.joiners.remove(me)
            if on_loop:
                report_wait(sys._getframe(), started, "threading.Thread.join")
    if target.done:
        # Past its last scheduled step the thread only unwinds: the real join ends at once.
        _real_join(self)


_installed = [False]


def install():
    if _installed[0]:
        return
    _installed[0] = True
    threading.Thread.start = _start
    threading.Thread.join = _join

