"""Learner code that replaces parts of asyncio itself (`asyncio.sleep = ...`, `asyncio.Task = None`).

The checks, and the loop they run on, use asyncio too: a patched asyncio makes them fail somewhere deep
inside with a message that names nothing of the learner's. So assignments to asyncio's modules are
watched; one made by the learner's code is put back and reported at its line, as the verdict.
"""
import sys
import types

from .frames import caller_is_learner

_MODULES = ("asyncio", "asyncio.base_events", "asyncio.events", "asyncio.futures", "asyncio.tasks",
            "asyncio.locks", "asyncio.queues", "asyncio.runners", "asyncio.coroutines",
            "asyncio.timeouts", "asyncio.taskgroups", "asyncio.threads")
_MISSING = object()
_patches = {}  # (module, name) -> (original value or _MISSING, where)


class _Watched(types.ModuleType):
    def __setattr__(self, name, value):
        _note(self, name)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        _note(self, name)
        super().__delattr__(name)


def _note(module, name):
    where = caller_is_learner(sys._getframe(2))
    if where is not None and (module, name) not in _patches:
        _patches[(module, name)] = (module.__dict__.get(name, _MISSING), where)


def install():
    for name in _MODULES:
        module = sys.modules.get(name)
        if module is not None and type(module) is types.ModuleType:
            module.__class__ = _Watched


def restore():
    """Puts back what the learner's code replaced; returns a diagnostic message and its Where, or None."""
    if not _patches:
        return None
    found = list(_patches.items())
    _patches.clear()
    for (module, name), (original, _where) in found:
        if original is _MISSING:
            module.__dict__.pop(name, None)
        else:
            module.__dict__[name] = original
    (module, name), (_original, where) = found[0]
    more = f" (and {len(found) - 1} more name{'s' if len(found) > 2 else ''} of asyncio)" if len(found) > 1 else ""
    message = (f"your code replaces {module.__name__}.{name} at {where.text()}{more}: the checks run your "
               "code on asyncio as it is, so they stop here. Leave asyncio's own functions and classes alone "
               "and change your code instead")
    return message, where
