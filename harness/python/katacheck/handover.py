"""Work handed to asyncio or threading the wrong way, named at the learner's line that handed it over.

- `dropped-task` (ruff's RUF006): the task `create_task`/`ensure_future` returns, thrown away at once
  (the call is an expression statement) and, by the end of the test, neither awaited nor given a done
  callback. Awaiting a task calls its `add_done_callback` (vloop's tasks are a Python subclass, so the C
  task step looks the method up), which is how "awaited" is seen.
- `coroutine-callback`: a coroutine function where asyncio or threading runs a plain callable; it only
  makes a coroutine nobody awaits, and CPython's warning then points into asyncio, not at the learner.
- the learner's line behind a callback the loop runs, for a blocking call made inside it
  (`loop.call_soon(time.sleep, 0.01)`).

The hooks (vloop.py, threads.py, blocking.py) call these through awaited.py, one line each.
"""
import ast
import asyncio
import contextvars
import functools
import gc
import inspect
import os
import sys
import threading
import time
import weakref

from . import collector
from .frames import Where, display, is_learner, learner_where

_ASYNCIO_DIR = os.path.dirname(os.path.abspath(asyncio.__file__))
# Python functions on CPython 3.10-3.14; if a later one moves them into C, these simply match nothing.
_TASKS_FILE = getattr(getattr(asyncio.tasks.create_task, "__code__", None), "co_filename", None)
_HANDLE_RUN = getattr(asyncio.events.Handle._run, "__code__", None)
_HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))
# Formatting a warning or traceback reads source files: not what the scheduled callback does.
_REPORTING = ("linecache.py", "warnings.py", "traceback.py", "tokenize.py")
_SPAWNERS = {"create_task": "asyncio.create_task", "ensure_future": "asyncio.ensure_future",
             "_ensure_future": "asyncio.ensure_future"}
# asyncio functions between the learner and a hooked loop method: the learner called these.
_VIA = {"call_later": "loop.call_later", "to_thread": "asyncio.to_thread"}


class Phase:
    """One test case (or the load): what was reported, and the tasks whose fate is judged at its end."""

    __slots__ = ("col", "seen", "tasks")

    def __init__(self, col):
        self.col = col
        self.seen = set()  # (name, line) of never-awaited coroutines already reported
        self.tasks = []  # _Spawn records of discarded tasks


_phase = [None]
# Code of coroutine functions reported as coroutine-callback: their coroutines, made by asyncio or a
# thread with no learner line behind them, are explained already (whenever that thread drops them).
HANDED = set()


def begin(col):
    _phase[0] = Phase(col)
    return _phase[0]


def end(phase):
    if _phase[0] is phase:
        _phase[0] = None


def _where(frame):
    code = frame.f_code
    return Where(display(code.co_filename), frame.f_lineno, code.co_name)


def _learner_caller(frame, api):
    """(Where, api) when the learner called the hooked API from `frame` (directly, or through
    call_later/to_thread), else None. Cheap: it runs on every call_soon."""
    code = frame.f_code
    if is_learner(code.co_filename):
        return _where(frame), api
    via = _VIA.get(code.co_name)
    if via is None or not code.co_filename.startswith(_ASYNCIO_DIR):
        return None
    back = frame.f_back
    if back is None or not is_learner(back.f_code.co_filename):
        return None
    return _where(back), via


# ---- dropped tasks ---------------------------------------------------------------------------------

class _Spawn:
    __slots__ = ("where", "call", "watched", "ref")

    def __init__(self, where, call, task):
        self.where, self.call, self.watched = where, call, False
        self.ref = weakref.ref(task)


_spawns = weakref.WeakKeyDictionary()  # task -> _Spawn, for add_done_callback to find
_watched_types = set()
_discard_lines = {}  # learner file -> lines inside a create_task(...)/ensure_future(...) statement


def task_created(task):
    """vloop's create_task, for each new task: remember one the learner's line threw away."""
    phase = _phase[0]
    frame = sys._getframe(2)  # the caller of loop.create_task
    call = "loop.create_task"
    while frame is not None and frame.f_code.co_filename == _TASKS_FILE:
        call = _SPAWNERS.get(frame.f_code.co_name)
        if call is None:
            return  # gather, wait_for, ...: asyncio keeps those tasks itself
        frame = frame.f_back
    if phase is None or frame is None or not is_learner(frame.f_code.co_filename):
        return  # TaskGroup.create_task, asyncio.run, the tests: not a learner's statement
    if frame.f_lineno not in _statement_lines(frame.f_code.co_filename) or not _watch(type(task)):
        return
    spawn = _Spawn(_where(frame), call, task)
    _spawns[task] = spawn
    phase.tasks.append(spawn)


def _statement_lines(filename):
    lines = _discard_lines.get(filename)
    if lines is None:
        lines = _discard_lines[filename] = _expression_spawns(filename)
    return lines


def _expression_spawns(filename):
    try:
        with open(filename, "rb") as handle:
            tree = ast.parse(handle.read(), filename)
    except (OSError, SyntaxError, ValueError):
        return frozenset()
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            func = node.value.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in ("create_task", "ensure_future"):
                lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return frozenset(lines)


def _watch(cls):
    """Have `cls.add_done_callback` mark a tracked task as looked after (once per class). False where the
    class can't take it (a C type): such a task is not judged at all."""
    if cls in _watched_types:
        return True
    original = cls.add_done_callback

    def add_done_callback(self, fn, *args, **kwargs):
        spawn = _spawns.get(self)
        if spawn is not None:
            col = collector.current()
            if col is None or not col.closing:  # the harness's own cleanup gathers every task
                spawn.watched = True
        return original(self, fn, *args, **kwargs)

    try:
        cls.add_done_callback = add_done_callback
    except TypeError:
        return False
    _watched_types.add(cls)
    return True


def judge_tasks(phase):
    """End of a test: a discarded task nobody awaited nor watched, and that nothing else holds (a task
    can keep itself, through asyncio.current_task()), is a dropped task."""
    left = [s for s in phase.tasks if not s.watched]
    if not left:
        return
    tasks = [s.ref() for s in left]
    held = _held_elsewhere(tasks)
    for spawn, task in zip(left, tasks):
        if task is None or id(task) not in held:
            phase.col.blocking("dropped-task", spawn.call, spawn.where, None, None, _describe_dropped)


def _held_elsewhere(tasks):
    """Ids of those tasks (None for one already collected) that something holds, besides this list."""
    live = [t for t in tasks if t is not None]
    if not live:
        return set()
    held = set()
    for ref in gc.get_referrers(*live):
        if ref is tasks or ref is live:
            continue
        held.update(id(t) for t in gc.get_referents(ref) if any(t is task for task in live))
    return held


def _describe_dropped(diag):
    at = diag.where.text() if diag.where else "your code"
    times = f" ({diag.count} tasks)" if diag.count > 1 else ""
    return (
        f"the task {diag.call}(...) returns at {at} is dropped{times}: nothing keeps it and nothing "
        "awaited it. The event loop keeps only a weak reference to a task, so one nobody holds can be "
        "garbage-collected before it finishes, and its result or error is lost: keep it "
        "(background.add(task); task.add_done_callback(background.discard)) and await what matters, or "
        "start it in an asyncio.TaskGroup"
    )


# ---- coroutine functions where a plain callable runs ---------------------------------------------

_INSTEAD = {
    "loop.call_soon": "schedule the coroutine instead, keeping the task: asyncio.create_task({f}(...))",
    "loop.call_later": "for a delay, start a task that awaits asyncio.sleep(delay) and then {f}(...)",
    "loop.call_at": "for a delay, start a task that awaits asyncio.sleep(delay) and then {f}(...)",
    "loop.call_soon_threadsafe": "from another thread, hand the coroutine over with "
                                 "asyncio.run_coroutine_threadsafe({f}(...), loop)",
    "loop.run_in_executor": "{f} is async already: await {f}(...) on the loop; executors are for "
                            "blocking plain functions",
    "asyncio.to_thread": "{f} is async already: await {f}(...) on the loop; to_thread is for "
                         "blocking plain functions",
    "threading.Thread(target=...)": "await {f}(...) on the loop instead, or from the thread hand it "
                                    "over with asyncio.run_coroutine_threadsafe({f}(...), loop)",
    "threading.Timer": "for a delay, start a task that awaits asyncio.sleep(delay) and then {f}(...)",
}

_sites = {}  # id(handle) -> (weakref to it, Where): the learner's line behind a scheduled callback


def scheduled(handle):
    """vloop's call_soon/call_at, with the handle just made: returns it."""
    hook = sys._getframe(1)
    found = _learner_caller(hook.f_back, "loop." + hook.f_code.co_name)
    callback = handle._callback
    if found is None:
        if callback is not time.sleep:  # a known blocking function scheduled through a helper
            return handle
        where = learner_where(hook)
        if where is None:
            return handle
        found = where, None
    where, api = found
    if api is not None:
        _check_callable(api, callback, where)
    key = id(handle)
    _sites[key] = (weakref.ref(handle, lambda _r: _sites.pop(key, None)), where)
    return handle


def scheduled_where(frame):
    """The learner's line that scheduled the callback running now, or None. Only through library frames
    up to asyncio's Handle._run: asyncio's own code, ours, or warnings being formatted in between are
    not the callback's doing."""
    while frame is not None:
        code = frame.f_code
        if code is _HANDLE_RUN:
            entry = _sites.get(id(frame.f_locals.get("self")))
            return entry[1] if entry is not None else None
        name = code.co_filename
        if name.startswith((_ASYNCIO_DIR, _HARNESS_DIR)) or name.endswith(_REPORTING) or "importlib" in name:
            return None
        frame = frame.f_back
    return None


def handed(func):
    """vloop's run_in_executor and call_soon_threadsafe, with the callable handed over."""
    hook = sys._getframe(1)
    found = _learner_caller(hook.f_back, "loop." + hook.f_code.co_name)
    if found is not None:
        _check_callable(found[1], _unwrap(func), found[0])


def thread_started(thread):
    """threads.py's Thread.start, for every thread."""
    frame = sys._getframe(2)
    if not is_learner(frame.f_code.co_filename):
        return
    if isinstance(thread, threading.Timer):
        _check_callable("threading.Timer", thread.function, _where(frame))
        return
    target = getattr(thread, "_target", None)
    if target is None and type(thread).run is not threading.Thread.run:
        target = thread.run  # a Thread subclass with its own run
    _check_callable("threading.Thread(target=...)", target, _where(frame))


def _unwrap(func):
    """to_thread hands over functools.partial(context.run, func, *args): the learner's func."""
    if isinstance(func, functools.partial) and isinstance(getattr(func.func, "__self__", None),
                                                          contextvars.Context) and func.args:
        return func.args[0]
    return func


def _check_callable(api, func, where):
    if func is None or not inspect.iscoroutinefunction(func):
        return
    col = collector.current()
    if col is None:
        return
    base = func.func if isinstance(func, functools.partial) else func
    name = getattr(base, "__qualname__", None) or "it"
    code = getattr(getattr(base, "__func__", base), "__code__", None)
    if code is not None:
        HANDED.add(code)
    instead = _INSTEAD[api].format(f=name)

    def describe(diag):
        times = f" ({diag.count} times)" if diag.count > 1 else ""
        return (f"{api} at {diag.where.text()} is handed the coroutine function {name}{times}: it calls "
                f"it like a plain function, which only creates a coroutine object nobody awaits, so the "
                f"body of {name} never runs; {instead}")

    col.blocking("coroutine-callback", api, where, None, None, describe)
