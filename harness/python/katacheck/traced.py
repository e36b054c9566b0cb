"""A coroutine wrapper that records when its coroutine starts, suspends, resumes and finishes.

Tasks accept any `collections.abc.Coroutine` (C Task on 3.10-3.14), so wrapping keeps the learner's
code running as written while every step passes through here.
"""
import asyncio
import collections.abc
import sys

from . import clock, collector, cpu
from .frames import is_learner, learner_where


class TracedCoroutine(collections.abc.Coroutine):
    __slots__ = ("inner", "row", "_started", "_task_step")

    def __init__(self, inner, row, task_step):
        self.inner = inner
        self.row = row
        self._started = False
        self._task_step = task_step

    def _before(self):
        if self._task_step:
            cpu.new_step()
            loop = clock.running_virtual_loop()
            if loop is not None:
                loop.count_step()
        col = collector.current()
        if col is not None:
            if not self._started and self.row is not None and self.row.task is None:
                self.row.task = _task_name()
            col.event(self.row, "resume" if self._started else "start")
        self._started = True

    def _after(self, kind):
        col = collector.current()
        if col is not None:
            col.event(self.row, kind)

    def _step(self, advance, *args):
        self._before()
        try:
            result = advance(*args)
        except StopIteration:
            self._after("finish")
            raise
        except BaseException:
            self._after("error")
            raise
        self._after("suspend")
        return result

    def send(self, value):
        return self._step(self.inner.send, value)

    def throw(self, typ, val=None, tb=None):
        if val is None and tb is None:
            return self._step(self.inner.throw, typ)
        return self._step(self.inner.throw, typ, val, tb)

    def close(self):
        return self.inner.close()

    def __await__(self):
        # As CPython's GET_AWAITABLE does for a native coroutine: a second awaiter while the first one is
        # suspended in it must fail here, not take over the first awaiter's steps.
        if getattr(self.inner, "cr_await", None) is not None:
            raise RuntimeError("coroutine is being awaited already")
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def __repr__(self):
        return repr(self.inner)

    # asyncio's repr and debugging helpers look for these on coroutine objects.
    @property
    def cr_frame(self):
        return getattr(self.inner, "cr_frame", None)

    @property
    def cr_running(self):
        return getattr(self.inner, "cr_running", False)

    @property
    def cr_await(self):
        return getattr(self.inner, "cr_await", None)

    @property
    def cr_code(self):
        return getattr(self.inner, "cr_code", None)


def coroutine_name(coro):
    while isinstance(coro, TracedCoroutine):
        coro = coro.inner
    return getattr(coro, "__qualname__", None) or type(coro).__name__


def coroutine_is_learners(coro):
    code = getattr(coro, "cr_code", None)
    return code is not None and is_learner(code.co_filename)


def wrap_task(coro):
    """Wrap a coroutine about to become a Task. Rows are only kept for learner coroutines."""
    col = collector.current()
    learner = coroutine_is_learners(coro)
    row = None
    if col is not None:
        label = getattr(coro, "__qualname__", None) or type(coro).__name__
        row = col.new_row(label, "task", None, learner)
    return TracedCoroutine(coro, row, task_step=True)


def traced_function(func, label=None):
    """Wrap a coroutine function so each call becomes a 'call' row on the timeline."""
    import functools

    @functools.wraps(func)
    def call(*args, **kwargs):
        inner = func(*args, **kwargs)
        col = collector.current()
        row = None
        if col is not None:
            try:
                text = label(*args, **kwargs) if label else _default_label(func, args)
            except Exception:  # a label must never break the learner's call
                text = func.__name__
            row = col.new_row(text, "call", None, True)
            if row is not None:
                row.function = func.__name__
                row.where = learner_where(sys._getframe(1))
        return TracedCoroutine(inner, row, task_step=False)

    return call


def _default_label(func, args):
    first = repr(args[0]) if args else ""
    if len(first) > 24:
        first = first[:21] + "..."
    return f"{func.__name__}({first})"


def _current_task():
    try:
        return asyncio.current_task()
    except RuntimeError:  # no running loop
        return None


def task_label():
    """'Task-3 running check' for the task running now; None for the test's own task."""
    task = _current_task()
    if task is None or task.get_name() == collector.TEST_TASK:
        return None
    name = coroutine_name(task.get_coro())
    return f"{task.get_name()} running {name}" if name else task.get_name()


def _task_name():
    task = _current_task()
    return task.get_name() if task is not None else None
