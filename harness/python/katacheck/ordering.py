"""No task order that follows memory addresses.

`asyncio.as_completed(coros)` turns its argument into a set before it wraps each coroutine in a task, so
which task is made first (its `Task-N` name, its start order, and so which of two equal latencies ends
first) follows the coroutines' addresses. Here the coroutines become tasks in the order given
(duplicates once, as the set keeps them) before CPython's own as_completed runs; harness tasks hash by
creation order (vloop.py), so its set of them iterates the same way on every run.
"""
import asyncio
import asyncio.tasks
import sys

_real_as_completed = asyncio.tasks.as_completed


def _in_given_order(fs):
    if asyncio.isfuture(fs) or asyncio.iscoroutine(fs):
        return fs  # CPython's own TypeError
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return fs
    seen, ordered = set(), []
    for f in fs:
        if id(f) not in seen:
            seen.add(id(f))
            ordered.append(f if asyncio.isfuture(f) else asyncio.ensure_future(f))
    return ordered


if sys.version_info >= (3, 13):

    def as_completed(fs, *, timeout=None):
        return _real_as_completed(_in_given_order(fs), timeout=timeout)

else:

    def as_completed(fs, *, timeout=None):  # a generator, as CPython's is before 3.13: nothing runs until iterated
        return (yield from _real_as_completed(_in_given_order(fs), timeout=timeout))


as_completed.__doc__ = _real_as_completed.__doc__
as_completed.__wrapped__ = _real_as_completed


def install():
    asyncio.tasks.as_completed = as_completed
    asyncio.as_completed = as_completed
