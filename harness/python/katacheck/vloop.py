"""The virtual-time event loop.

A SelectorEventLoop whose clock is `clock.CLOCK` (or, for a loop run inside a worker thread, that thread's ledger) and whose selector, when nothing is ready, jumps the
clock to the next timer instead of sleeping. No timers, nothing ready and nothing running for real means
nobody can ever wake the loop again: a deadlock, reported at once instead of hanging.
"""
import asyncio
import itertools
import asyncio.events
import heapq
import selectors
import sys
import threading

from . import awaited, clock, collector, cpu, threads
from .clock import CLOCK
from .collector import Diagnostic
from .executor import VirtualPool, workers_of
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


class Stuck(BaseException):
    """The loop can't finish the test: raised out of `run_until_complete`. BaseException so the
    learner's `except Exception` around an await can't swallow it."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind
        self.message = message


class _Selector(selectors.DefaultSelector):
    loop = None

    def select(self, timeout=None):
        loop = self.loop
        events = super().select(0)
        if events:
            return events
        freeze = cpu.take_freeze()
        if freeze:
            loop.clock.advance_by(freeze)
        loop.iterations += 1
        if loop.iterations > loop.max_iterations:
            raise Stuck(
                "timeout",
                f"the event loop went round {loop.max_iterations:,} times (loop iterations and task steps) without the test finishing: "
                "a task keeps rescheduling itself without ever waiting for anything",
            )
        if timeout == 0:
            return []
        if timeout is None and loop.holding and loop.real_pending <= loop.idle_threads:
            # Timers were held back for work that has gone idle since: not a deadlock, go round again.
            return super().select(0)
        if loop.real_pending > loop.idle_threads or (timeout is None and len(self.get_map()) > 1):
            # Threads or real I/O are still working: virtual time must not move until they report.
            return super().select(REAL_WAIT_SLICE if timeout is None else min(timeout, REAL_WAIT_SLICE))
        if timeout is None:
            raise Stuck("deadlock", deadlock_message(loop))
        if loop._scheduled:
            target = loop._scheduled[0]._when
        else:
            target = loop.clock.now + timeout
        if loop.deadline is not None and target > loop.deadline:
            loop.clock.advance_to(loop.deadline)
            raise Stuck(
                "timeout",
                f"still not finished after {loop.deadline - loop.started:g} s of virtual time",
            )
        loop.clock.advance_to(target)
        return []


def deadlock_message(loop):
    waits = []
    for task in asyncio.all_tasks(loop):
        where = coroutine_where(task.get_coro())
        if where is not None:
            name = "the test's call" if task.get_name() == collector.TEST_TASK else f"task {task.get_name()}"
            waits.append(f"{name} at {where.text()}")
    detail = ("; waiting forever: " + ", ".join(sorted(waits)[:4])) if waits else ""
    return (
        "deadlock: every task is waiting and nothing is scheduled that could ever wake one "
        f"(an await on a future or event nobody resolves){detail}"
    )


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = _Selector()
        selector.loop = self
        super().__init__(selector)
        self._clock_resolution = 1e-9
        self.iterations = 0
        self.max_iterations = MAX_ITERATIONS
        ledger = clock.current_ledger()
        self.clock = CLOCK if ledger is None else clock.LedgerClock(ledger)
        self.started = self.clock.now
        self.deadline = None
        self.real_pending = 0
        self.idle_threads = 0  # tracked threads blocked in a wait (threads.py): they can't wake the loop
        self._timer_seq = 0
        self.holding = False  # inside an iteration run with the timers held back (_run_once)
        self._pools = {}
        self.set_exception_handler(_exception_handler)

    def time(self):
        return self.clock.now

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

    def _run_once(self):
        # While threads or processes still work for real, no timer fires, not even one already due: what
        # they hand back, and when, must not depend on how fast this machine ran them.
        if self.real_pending <= self.idle_threads:
            return super()._run_once()
        held, self._scheduled = self._scheduled, []
        self.holding = bool(held)
        try:
            super()._run_once()
        finally:
            self.holding = False
            for timer in self._scheduled:
                heapq.heappush(held, timer)
            self._scheduled = held

    def call_soon(self, callback, *args, context=None):
        # asyncio checks this only in debug mode; a kata about threads needs it always.
        if _foreign(self):
            _report_thread_unsafe(getattr(callback, "__qualname__", "a callback"), sys._getframe(1))
        return awaited.scheduled(super().call_soon(callback, *args, context=context))

    def create_future(self):
        return _CheckedFuture(loop=self)

    def call_soon_threadsafe(self, callback, *args, context=None, _now=False):
        # From a tracked thread, the callback happens at that thread's virtual time (threads.py).
        awaited.handed(callback)
        when = None if _now else threads.thread_time()
        if when is None:
            return super().call_soon_threadsafe(callback, *args, context=context)
        return super().call_soon_threadsafe(self._call_at_virtual, when, callback, args, context)

    def _call_at_virtual(self, when, callback, args, context):
        if when <= self.clock.now:  # due now: not a timer, so it runs even while other real work is pending
            self.call_soon(callback, *args, context=context)
        else:
            self.call_at(when, callback, *args, context=context)

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
        self._check_closed()
        if executor is None:
            executor = self._default_executor
        workers = workers_of(executor)
        if workers is None:
            return self._real_executor(executor, func, args)
        key = id(executor)
        pool = self._pools.get(key)
        if pool is None:
            pool = self._pools[key] = VirtualPool(self, workers)
        return pool.submit(func, args)

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

    def _real_executor(self, executor, func, args):
        # The work counts as pending until it is done for real; what it hands back then arrives like any
        # other callback (which may be a timer, at a worker thread's virtual time).
        work = executor.submit(func, *args)
        self.real_work_started()
        work.add_done_callback(lambda _f: self.real_work_finished_threadsafe())
        return asyncio.wrap_future(work, loop=self)

    def real_work_finished_threadsafe(self):
        """real_work_finished, from a thread that finished the work; at once, not at its virtual time."""
        try:
            self.call_soon_threadsafe(self.real_work_finished, _now=True)
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
        elif threads.tracked() is not None:  # not bound to a loop yet, but used from a worker thread
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
