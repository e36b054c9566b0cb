"""The virtual-time event loop.

A SelectorEventLoop whose clock is `clock.CLOCK` and whose selector, when nothing is ready, waits in the
scheduler (vsched.py) until its next timer instead of sleeping: the clock jumps there unless a thread is
due sooner. When nothing is ready, no timer is set and no thread can ever act, nobody can wake the loop
again: a deadlock, reported at once instead of hanging.
"""
import asyncio
import asyncio.events
import concurrent.futures
import itertools
import heapq
import selectors
import sys
import threading

from . import awaited, clock, collector, cpu, vsched
from .clock import CLOCK
from .collector import Diagnostic
from .executor import DEFAULT_WORKERS
from .stuck import Stuck
from .frames import coroutine_where, learner_where, learner_where_in_traceback
from .traced import TracedCoroutine, wrap_task

MAX_ITERATIONS = 20_000  # loop iterations plus task steps per test; ends `while True: await asyncio.sleep(0)`
REAL_WAIT_SLICE = 0.05  # seconds to wait for real work (threads, pipes) between budget checks


class _Timer(asyncio.TimerHandle):
    __slots__ = ("_seq",)

    def __init__(self, when, callback, args, loop, context, seq):
        super().__init__(when, callback, args, loop, context)
        self._seq = seq

    def __lt__(self, other):  # the only comparison heapq makes
        return (self._when, self._seq) < (other._when, other._seq)


class _Selector(selectors.DefaultSelector):
    loop = None

    def select(self, timeout=None):
        loop = self.loop
        events = super().select(0)
        if events:
            return events
        freeze = cpu.take_freeze()
        if freeze:
            CLOCK.advance_by(freeze)
        loop.iterations += 1
        if loop.iterations > loop.max_iterations:
            raise Stuck(
                "timeout",
                f"the event loop went round {loop.max_iterations:,} times (loop iterations and task steps) without the test finishing: "
                "a task keeps rescheduling itself without ever waiting for anything",
            )
        p = vsched.running()
        if p is None:  # a loop in a thread the scheduler does not run (a forked child): real time
            return super().select(timeout)
        if timeout == 0:
            vsched.yield_if_others(p)  # threads due now go first, as they would beside a busy loop
            return []
        if loop.real_pending or (timeout is None and len(self.get_map()) > 1):
            # A child process or real I/O: wait for it in real time, with the virtual clock standing still.
            with vsched.external(p):
                return super().select(REAL_WAIT_SLICE if timeout is None else min(timeout, REAL_WAIT_SLICE))
        until = None if timeout is None else CLOCK.now + timeout
        if until is not None and loop.deadline is not None:
            until = min(until, loop.deadline)
        loop.waiter = p
        try:
            vsched.block(p, until=until, on=loop, poll=loop.woken)
        except Stuck as stuck:
            if stuck.kind == "deadlock" and not stuck.message:
                raise Stuck("deadlock", deadlock_message(loop)) from None
            raise
        finally:
            loop.waiter = None
        if loop.deadline is not None and CLOCK.now >= loop.deadline and not super().select(0):
            raise Stuck(
                "timeout",
                f"still not finished after {loop.deadline - loop.started:g} s of virtual time",
            )
        return super().select(0)


def deadlock_message(loop):
    waits = []
    for task in asyncio.all_tasks(loop):
        where = coroutine_where(task.get_coro())
        if where is not None:
            name = "the test's call" if task.get_name() == collector.TEST_TASK else f"task {task.get_name()}"
            waits.append(f"{name} at {where.text()}")
    waits.extend(sorted(_thread_waits())[:3])
    detail = ("; waiting forever: " + ", ".join(sorted(waits)[:4])) if waits else ""
    return (
        "deadlock: every task is waiting and nothing is scheduled that could ever wake one "
        f"(an await on a future or event nobody resolves){detail}"
    )


_MACHINERY = ("vsched.py", "vlocks.py", "vio.py")


def _thread_waits():
    """'thread feed-1 in threading.Event.wait at f.py:12' for each scheduled thread blocked for good."""
    from .vlocks import call_name

    frames = sys._current_frames()
    found = []
    for ident, name in vsched.waiting_participants():
        frame = frames.get(ident)
        while frame is not None and (frame.f_code.co_filename.endswith(_MACHINERY)
                                     or frame.f_code.co_name in ("wait", "wait_for") and
                                     frame.f_globals.get("__name__") == "threading" and
                                     "Condition" in repr(frame.f_locals.get("self"))):
            frame = frame.f_back
        if frame is None:
            continue
        where = learner_where(frame)
        at = f" at {where.text()}" if where else ""
        found.append(f"thread {name} in {call_name(frame)}{at}")
    return found


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = _Selector()
        selector.loop = self
        super().__init__(selector)
        self._clock_resolution = 1e-9
        self.iterations = 0
        self.max_iterations = MAX_ITERATIONS
        self.clock = CLOCK
        self.started = CLOCK.now
        self.deadline = None
        self.real_pending = 0  # child processes running for real: the loop waits for them in real time
        self.waiter = None  # the participant blocked in this loop's select, for call_soon_threadsafe to wake
        self._timer_seq = 0
        self.set_exception_handler(_exception_handler)

    def time(self):
        return self.clock.now

    def woken(self):
        """Whether a callback was handed over (the self-pipe has a byte): a thread the scheduler does not
        run may call call_soon_threadsafe just before this loop blocks in the scheduler."""
        return vsched.real_select_ready([self._ssock.fileno()], [], [])

    def count_step(self):
        self.iterations += 1

    def real_work_started(self):
        self.real_pending += 1

    def real_work_finished(self):
        self.real_pending -= 1

    def call_at(self, when, callback, *args, context=None):
        # As BaseEventLoop.call_at, with timers due at the same virtual moment run in the order they were
        # set: on virtual time ties are common, and a bare heap would order them by its own shape.
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        self._timer_seq += 1
        timer = _Timer(when, callback, args, self, context, self._timer_seq)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return awaited.scheduled(timer)

    def call_soon(self, callback, *args, context=None):
        # asyncio checks this only in debug mode; a kata about threads needs it always.
        if _foreign(self):
            _report_thread_unsafe(getattr(callback, "__qualname__", "a callback"), sys._getframe(1))
        return awaited.scheduled(super().call_soon(callback, *args, context=context))

    def create_future(self):
        return _CheckedFuture(loop=self)

    def call_soon_threadsafe(self, callback, *args, context=None):
        awaited.handed(callback)
        handle = super().call_soon_threadsafe(callback, *args, context=context)
        waiter = self.waiter
        if waiter is not None:  # the loop's thread waits in the scheduler, not in select: wake it there
            vsched.wake(waiter, on=self)
        return handle

    def create_task(self, coro, **kwargs):
        # Not a coroutine (a Future, a plain value): let asyncio raise its own TypeError about it.
        if not (asyncio.iscoroutine(coro) or isinstance(coro, TracedCoroutine)):
            return super().create_task(coro, **kwargs)
        coro = wrap_task(coro)
        if self.get_task_factory() is not None:  # the learner's own factory (eager tasks...) decides
            return super().create_task(coro, **kwargs)
        self._check_closed()
        task = _OrderedTask(coro, loop=self, **kwargs)
        if getattr(task, "_source_traceback", None):
            del task._source_traceback[-1]
        awaited.task_created(task)
        return task

    def run_in_executor(self, executor, func, *args):
        awaited.handed(func)
        # CPython sizes the default executor by the machine's CPU count; a fixed size keeps verdicts
        # equal across machines. Its worker threads are scheduled participants (threads.py).
        self._check_closed()
        if executor is None and self._default_executor is None:
            self._default_executor = concurrent.futures.ThreadPoolExecutor(
                max_workers=DEFAULT_WORKERS, thread_name_prefix="asyncio")
        return super().run_in_executor(executor, func, *args)

    # A child process runs in real time: like executor work, the clock waits until its exit is seen,
    # so `await proc.wait()` takes no virtual time and never races a timer.
    async def _make_subprocess_transport(self, *args, **kwargs):
        self.real_work_started()
        try:
            return await super()._make_subprocess_transport(*args, **kwargs)
        except BaseException:
            self.real_work_finished()
            raise

    def _child_watcher_callback(self, pid, returncode, transp):
        self.call_soon_threadsafe(self._subprocess_exited, transp, returncode)

    def _subprocess_exited(self, transp, returncode):
        self.real_work_finished()
        transp._process_exited(returncode)

    def real_work_finished_threadsafe(self):
        """real_work_finished, from a thread that saw the work end."""
        try:
            self.call_soon_threadsafe(self.real_work_finished)
        except RuntimeError:  # loop closed meanwhile: nobody is waiting any more
            pass


# Tasks and futures hash by their place in the order of creation instead of their memory address, so
# a set of them (asyncio.wait's `done`, a learner's own set) is iterated in the same order on every run
# and machine: `for task in done` must not pick a different task first from one check to the next.
_CREATION = itertools.count(1)


class _OrderedTask(asyncio.Task):
    __slots__ = ("_ak_order",)

    def __init__(self, coro, **kwargs):
        self._ak_order = next(_CREATION)
        super().__init__(coro, **kwargs)

    def __hash__(self):
        return self._ak_order


class _CheckedFuture(asyncio.Future):
    """A future that notices being resolved from another thread, which works only by luck: the loop
    is not woken, and a waiter's callbacks get scheduled from the wrong thread."""

    __slots__ = ("_ak_order",)

    def __init__(self, *args, **kwargs):
        self._ak_order = next(_CREATION)
        super().__init__(*args, **kwargs)

    def __hash__(self):
        return self._ak_order

    def set_result(self, result):
        if not _foreign(self.get_loop()):
            return super().set_result(result)
        _report_thread_unsafe("Future.set_result", sys._getframe(1))
        with _Reporting():
            super().set_result(result)

    def set_exception(self, exception):
        if not _foreign(self.get_loop()):
            return super().set_exception(exception)
        _report_thread_unsafe("Future.set_exception", sys._getframe(1))
        with _Reporting():
            super().set_exception(exception)


_CheckedFuture.__name__ = _CheckedFuture.__qualname__ = "Future"  # as the learner knows it, in reprs
_OrderedTask.__name__ = _OrderedTask.__qualname__ = "Task"


def _foreign(loop):
    """Called from a thread other than the one running `loop`."""
    owner = getattr(loop, "_thread_id", None)
    return owner is not None and threading.get_ident() != owner


def _check_owner(loop, what, frame):
    if _foreign(loop):
        _report_thread_unsafe(what, frame)


_reporting = threading.local()  # inside a guarded call: what it does underneath is not reported again


class _Reporting:
    def __enter__(self):
        self.outer = getattr(_reporting, "active", False)
        _reporting.active = True

    def __exit__(self, *exc):
        _reporting.active = self.outer


def _report_thread_unsafe(what, frame):
    col = collector.current()
    if col is not None and not getattr(_reporting, "active", False):
        col.blocking("thread-unsafe", what, learner_where(frame), None, None, _describe_thread_unsafe)


def _describe_thread_unsafe(diag):
    at = f" at {diag.where.text()}" if diag.where else ""
    times = f" ({diag.count} times)" if diag.count > 1 else ""
    return (
        f"another thread called {diag.call}{at}{times} on the event loop's objects directly: asyncio "
        "objects are not thread-safe and the loop may not even wake up; hand the work over with "
        "loop.call_soon_threadsafe(...) or asyncio.run_coroutine_threadsafe(...)"
    )


def _guard_from_threads(cls, name):
    method = getattr(cls, name)

    def guarded(self, *args, **kwargs):
        if getattr(_reporting, "active", False):
            return method(self, *args, **kwargs)
        loop = getattr(self, "_loop", None)
        if loop is not None:
            _check_owner(loop, f"{cls.__name__}.{name}", sys._getframe(1))
        elif vsched.current() not in (None, vsched.main()):  # not bound to a loop yet, used from a worker thread
            _report_thread_unsafe(f"{cls.__name__}.{name}", sys._getframe(1))
        with _Reporting():
            return method(self, *args, **kwargs)

    guarded.__name__ = guarded.__qualname__ = name
    setattr(cls, name, guarded)


def _exception_handler(loop, context):
    col = collector.current()
    message = context.get("message", "")
    exc = context.get("exception")
    task = context.get("task") or context.get("future")
    where = None
    if exc is not None and exc.__traceback__ is not None:
        where = learner_where_in_traceback(exc.__traceback__)
    if where is None and task is not None and hasattr(task, "get_coro"):
        where = coroutine_where(task.get_coro())
    if col is None or (col.closing and "destroyed" in message):
        return
    if exc is not None and not isinstance(exc, Exception):
        return  # our own stops (KeyboardInterrupt, budget) and sys.exit are reported where they happen
    if "never retrieved" in message and exc is not None:
        text = (
            f"a task failed with {type(exc).__name__}: {exc} and nobody awaited it, so the error was "
            "lost; keep a reference to every task and await it"
        )
    elif "destroyed but it is pending" in message:
        text = "a task was still pending when the program dropped it: it never finished its work"
    else:
        text = message + (f" ({type(exc).__name__}: {exc})" if exc is not None else "")
    col.add(Diagnostic("unretrieved", text, where))


clock.LOOP_TYPES = (VirtualLoop,)


def install():
    """Make every new loop virtual, including the one the learner's own `asyncio.run` creates."""
    asyncio.events.new_event_loop = VirtualLoop
    asyncio.new_event_loop = VirtualLoop
    # Queues and events bind their loop on first use (3.10+); from another thread they corrupt quietly.
    for cls, names in ((asyncio.Queue, ("put_nowait", "get_nowait")), (asyncio.Event, ("set", "clear"))):
        for name in names:
            _guard_from_threads(cls, name)
