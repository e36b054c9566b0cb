"""Locks on the virtual clock.

Every blocking wait of `threading` and `queue` comes down to acquiring a lock: Event, Condition,
Semaphore, Barrier, Queue, concurrent.futures' Future.result/wait/as_completed, Timer. So the lock is the
one primitive modelled: `threading.Lock` (and the lock every Condition waits on) becomes `VLock`, whose
contended acquire, in a participant thread, parks in the scheduler (vsched.py) with a virtual deadline
instead of blocking the thread for real. Outside participants (threads the harness does not schedule) a
VLock is a plain lock.

On the loop thread a wait that really waits is a `blocking-call`, named as the learner wrote it
(`threading.Event.wait`, `queue.Queue.get`, `concurrent.futures.Future.result`), with how long the loop
froze in virtual time.
"""
import _thread
import queue
import sys
import threading
from collections import deque

from . import blocking, clock, frames, vsched
from .clock import CLOCK
from .frames import is_learner
from .stuck import Stuck

_REAL_MONOTONIC = clock.REAL_MONOTONIC
_HERE = __file__


class VLock:
    __slots__ = ("_real", "_waiters", "_unscheduled", "__weakref__")

    def __init__(self):
        self._real = _thread.allocate_lock()
        self._waiters = deque()
        # Held by a thread the scheduler does not run: only a real wait can see it let go.
        self._unscheduled = False

    def acquire(self, blocking=True, timeout=-1):
        real = self._real
        if not blocking or (timeout < 0 and timeout != -1):
            return real.acquire(blocking, timeout)  # CPython's own answer, errors included
        if real.acquire(False):
            self._unscheduled = vsched.current() is None
            return True
        p = vsched.running()
        if p is None:
            got = real.acquire(True, timeout)
            if got:
                self._unscheduled = True
            return got
        if self._unscheduled:
            with vsched.external(p):
                got = real.acquire(True, timeout)
            self._unscheduled = not got and self._unscheduled
            return got
        deadline = None if timeout == -1 else CLOCK.now + timeout
        started = CLOCK.now
        on_loop = clock.running_virtual_loop() is not None
        try:
            while True:
                self._waiters.append(p)
                try:
                    woke = vsched.block(p, until=deadline, on=self)
                except Stuck as stuck:
                    if on_loop and not stuck.message:
                        learner, _called = called_by_learner(sys._getframe(1))
                        where = frames.learner_where(learner) if learner is not None else None
                        raise Stuck("deadlock", deadlocked_wait(sys._getframe(1)), where) from None
                    raise
                if real.acquire(False):
                    self._unscheduled = False
                    return True
                if woke == "timeout":
                    return False
        finally:
            try:
                self._waiters.remove(p)
            except ValueError:
                pass
            if on_loop:
                report_wait(sys._getframe(), started)

    def release(self):
        self._real.release()
        waiters = self._waiters
        while waiters:
            if vsched.wake(waiters.popleft(), on=self):
                break

    def locked(self):
        return self._real.locked()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    acquire_lock = acquire
    release_lock = release
    locked_lock = locked

    def _at_fork_reinit(self):
        self._real._at_fork_reinit()
        self._waiters.clear()

    def __repr__(self):
        state = "locked" if self._real.locked() else "unlocked"
        return f"<{state} _thread.lock object at {id(self):#x}>"


# ---- naming a wait as the learner wrote it -----------------------------------------------------------

_PRIVATE_NAMES = {"_PyRLock": "RLock", "VLock": "Lock", "_PySimpleQueue": "SimpleQueue"}
_ALIASES = {"acquire_lock": "acquire", "__enter__": "acquire", "release_lock": "release"}


def called_by_learner(frame):
    """(learner frame, frame it called) for the innermost learner frame outside `frame`, or (None, None)."""
    inner = None
    while frame is not None:
        if is_learner(frame.f_code.co_filename):
            return frame, inner
        inner = frame
        frame = frame.f_back
    return None, None


def call_name(frame):
    """`threading.Event.wait` for the frame of Event.wait: the module without private parts, the
    function's qualified name (derived from `self` before 3.11), private classes by their public name."""
    code = frame.f_code
    module = frame.f_globals.get("__name__", "")
    if code.co_filename == _HERE:
        module = "threading"
    parts = [p for p in module.split(".") if not p.startswith("_")] or [module.strip("_")]
    qualname = getattr(code, "co_qualname", None)
    if qualname is None:
        owner = frame.f_locals.get("self")
        qualname = f"{type(owner).__name__}.{code.co_name}" if owner is not None else code.co_name
    names = qualname.split(".")
    names = [_PRIVATE_NAMES.get(n, n) for n in names[:-1]] + [_ALIASES.get(names[-1], names[-1])]
    return ".".join(parts + names)


class _Quiet:
    depth = 0


quiet = _Quiet()  # > 0 while the loop thread waits on something that is not a wait of the learner's


def report_wait(frame, started, call=None):
    """A wait on the loop thread that froze it for some virtual time: one blocking-call at the learner's
    line. `frame` is the waiting function's own frame (or one inside it). A wait that took no virtual
    time (a pool's shutdown joining idle workers, a lock held a moment) froze nothing worth naming."""
    if quiet.depth:
        return
    frozen = CLOCK.now - started
    if frozen <= 0:
        return
    learner, called = called_by_learner(frame)
    if learner is None:
        return
    if call is None:
        call = call_name(called) if called is not None else "a blocking wait"
    blocking.report(call, learner, frozen)


def deadlocked_wait(frame):
    """The deadlock message for a wait on the loop thread that nothing can ever end."""
    learner, called = called_by_learner(frame)
    if learner is None:
        return ""
    call = call_name(called) if called is not None else "a blocking wait"
    where = f"{frames.display(learner.f_code.co_filename)}:{learner.f_lineno}"
    return (f"deadlock: the event loop's thread waits in {call} at {where} for something only another task "
            "could do, and no task can run while the loop's thread is blocked (or nothing will ever do it): "
            "use asyncio's own primitives (asyncio.Lock, asyncio.Event, await asyncio.wrap_future(...)) in "
            "coroutines")


# ---- install ---------------------------------------------------------------------------------------

def _virtual_monotonic():
    now = clock.virtual_now()
    return _REAL_MONOTONIC() if now is None else clock._MONO_ORIGIN + now


def install():
    threading.Lock = VLock
    threading._allocate_lock = VLock
    threading._CRLock = None  # threading.RLock() is then the Python RLock, built on _allocate_lock
    # ThreadPoolExecutor's work queue: the C SimpleQueue would block a worker inside C, out of reach.
    queue.SimpleQueue = queue._PySimpleQueue
    # Timed waits compute their end from these, bound at import: they must read the same clock as the wait.
    threading._time = _virtual_monotonic
    queue.time = _virtual_monotonic
