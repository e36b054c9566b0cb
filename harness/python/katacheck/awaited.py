"""Coroutines the learner made and never ran, named at the line that made them.

CPython warns "coroutine ... was never awaited" when such a coroutine is dropped; `cr_origin` (origin
tracking is per thread, so every thread gets it here) says which line made it. A coroutine still
referenced when a test ends (kept in a list, a global, an attribute) never warns: a sweep of the heap
finds it. Dropped tasks and coroutine functions handed over as plain callbacks are handover.py's.

Hooks elsewhere call the names below; each is one line there.
"""
import asyncio
import gc
import inspect
import sys
import threading
import types
import warnings

from .collector import Diagnostic
from .frames import is_learner, learner_where_in_origin
from .traced import TracedCoroutine
from . import handover
from .handover import handed, scheduled, scheduled_where, task_created, thread_started  # noqa: F401 (hooks)

ORIGIN_DEPTH = 32  # frames kept per coroutine's creation site: enough to reach the learner's line
_CORO = types.CoroutineType
_NEVER = "coroutine .* was never awaited"

# Coroutines already reported by a sweep: held so they never warn later (the check ends with os._exit)
# and skipped by later sweeps. A learner who awaits one in a later test still can.
_held = []
_held_ids = set()


def enter_thread():
    """Record coroutine origins in the calling thread too (new threads start with depth 0)."""
    sys.set_coroutine_origin_tracking_depth(ORIGIN_DEPTH)


_installed = [False]


def install():
    """Origins on this thread and on every thread started from now on, tracked by threads.py or not
    (executor workers, the learner's own pools, threads started outside any loop): wrapping
    `_bootstrap_inner` covers them all in one place, where a line in each run wrapper would miss some."""
    enter_thread()
    if _installed[0]:
        return
    _installed[0] = True
    real_warn = getattr(warnings, "_warn_unawaited_coroutine", None)  # what CPython calls to warn
    if real_warn is not None:

        def _warn_unawaited_coroutine(coro):
            # A coroutine-callback's coroutine is named already; its thread may drop it after the test.
            if not _explained(coro):
                real_warn(coro)

        warnings._warn_unawaited_coroutine = _warn_unawaited_coroutine
    real = getattr(threading.Thread, "_bootstrap_inner", None)
    if real is None:  # a CPython without it: a thread wrapper must call enter_thread() itself
        return

    def _bootstrap_inner(self):
        enter_thread()
        return real(self)

    threading.Thread._bootstrap_inner = _bootstrap_inner


class watching:
    """One test case, or the load of the learner's file: catch never-awaited warnings (from any thread:
    catch_warnings swaps module-global state) and, at the end, name what was never run.

    `load`: only the never-awaited warnings are taken; any other warning is shown as it would have been,
    and nothing is reported if the file failed to load (that failure is the verdict)."""

    def __init__(self, col, load=False):
        self.col, self.load = col, load

    def __enter__(self):
        # Everything alive now goes to gc's permanent generation until the end: gc.get_objects() then
        # lists only what this phase made, so the sweep stays cheap (see _sweep).
        self.froze = gc.get_freeze_count() == 0
        if self.froze:
            gc.freeze()
        self._catch = warnings.catch_warnings(record=True)
        self.caught = self._catch.__enter__()
        if self.load:
            warnings.filterwarnings("always", _NEVER, RuntimeWarning)
        else:
            warnings.simplefilter("always")
        self.phase = handover.begin(self.col)
        return self

    def __exit__(self, typ, exc, tb):
        report = not (self.load and typ is not None)
        try:
            done = _settle(self.caught, 0, self.phase, report)
            if report:
                _sweep(self.phase)
            if self.froze:  # now the garbage that runs through older objects too, once
                self.froze = False
                gc.unfreeze()
                _settle(self.caught, done, self.phase, report)
            if report:  # after the thaw: a holder made before the phase counts as one
                handover.judge_tasks(self.phase)
        finally:
            handover.end(self.phase)
            if self.froze:
                gc.unfreeze()
            self._catch.__exit__(None, None, None)
        if self.load:
            for w in self.caught:
                if not _is_never_awaited(w):
                    warnings.showwarning(w.message, w.category, w.filename, w.lineno, w.file, w.line)
        return False


def _is_never_awaited(warning):
    return issubclass(warning.category, RuntimeWarning) and "never awaited" in str(warning.message)


def _explained(coro):
    return (learner_where_in_origin(getattr(coro, "cr_origin", None)) is None
            and getattr(coro, "cr_code", None) in handover.HANDED)


def _learner_site(coro):
    """(name, Where or None) of a learner coroutine, or None for the harness's and the tests' own.
    A coroutine function handed over as a callback (handover.py) made it: already named, at its line."""
    where = learner_where_in_origin(getattr(coro, "cr_origin", None))
    code = getattr(coro, "cr_code", None)
    if where is None and (code is None or not is_learner(code.co_filename) or _explained(coro)):
        return None
    return getattr(coro, "__qualname__", None) or "coroutine", where


def _report(phase, name, where, still_kept):
    key = (name, where.text() if where else None)
    if key in phase.seen:
        return
    phase.seen.add(key)
    at = f" created at {where.text()}" if where else ""
    if still_kept:
        why = ("it was still waiting to start when the test ended (kept in a list, a variable or an "
               "attribute, but never awaited or wrapped in a task), so its body never ran")
    else:
        why = ("calling an async function only creates a coroutine object; its body runs when you await "
               "it (or wrap it in a task)")
    phase.col.add(Diagnostic("never-awaited", f"coroutine {name}(){at} was never awaited: {why}", where))


def _settle(caught, done, phase, report):
    """A coroutine never awaited can hold others that were not awaited either: they are dropped, and
    warn, only once the first one's warning lets go of it. Collect until no new warning comes, so none
    escapes into the learner's output after the test. Returns how many warnings were seen."""
    for _ in range(8):
        for warning in caught[done:]:
            site = _learner_site(warning.source) if report and _is_never_awaited(warning) else None
            if site is not None:
                _report(phase, *site, still_kept=False)
            warning.source = None
        done = len(caught)
        gc.collect()
        if len(caught) == done:
            break
    return done


def _sweep(phase):
    """Learner coroutines never started and still referenced (nobody will ever warn about them). Only
    objects made since the phase began are listed (the rest is frozen, see watching), each with a type
    test: well under a millisecond for a test case, where the whole heap took 1-2 ms."""
    found = [o for o in gc.get_objects() if type(o) is _CORO]
    unstarted = []
    for coro in found:
        if id(coro) in _held_ids or inspect.getcoroutinestate(coro) != inspect.CORO_CREATED:
            continue
        site = _learner_site(coro)
        if site is not None:
            unstarted.append((coro, site))
    del found
    if not unstarted:
        return
    scheduled_ids = _scheduled([coro for coro, _site in unstarted])
    for coro, (name, where) in unstarted:
        if id(coro) in scheduled_ids:
            continue
        _held.append(coro)
        _held_ids.add(id(coro))
        _report(phase, name, where, still_kept=True)


def _scheduled(coros):
    """Ids of those coroutines a task holds (directly, or through the harness's TracedCoroutine): they
    will run, or were abandoned by the cleanup on purpose; not forgotten."""
    ids = set()
    for ref in gc.get_referrers(*coros):
        if type(ref) is TracedCoroutine and ref._task_step:
            ids.add(id(ref.inner))
        elif isinstance(ref, asyncio.Future) and hasattr(ref, "get_coro"):
            ids.add(id(ref.get_coro()))
    return ids

