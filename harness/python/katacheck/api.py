"""What a kata's hidden tests (tests.py) are written with."""
import asyncio
import inspect

from .clock import CLOCK
from .collector import ms
from .frames import Where, display, is_learner
from .traced import TracedCoroutine, coroutine_name, traced_function

EPSILON = 1e-9  # virtual times are sums of floats: compare with a hair of slack


class Case:
    __slots__ = ("name", "fn", "timeline", "max_virtual")

    def __init__(self, name, fn, timeline, max_virtual):
        self.name, self.fn, self.timeline, self.max_virtual = name, fn, timeline, max_virtual


CASES = []


def case(name, *, timeline=False, max_virtual=120.0):
    """Register an `async def test(k: Check)`. `timeline=True` marks the case whose timeline the app
    draws next to the reference's. `max_virtual`: virtual seconds before the case counts as hung."""

    def register(fn):
        CASES.append(Case(name, fn, timeline, max_virtual))
        return fn

    return register


class Failure(Exception):
    def __init__(self, kind, message, where=None):
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.where = where


def describe(value):
    """How to name a value in a message, calling out the async mix-ups by name."""
    if inspect.iscoroutine(value) or isinstance(value, TracedCoroutine):
        name = coroutine_name(value)
        return f"a coroutine object ({name}) that was never awaited, so its body never ran"
    if isinstance(value, asyncio.Task):
        return "an asyncio Task instead of its result (await the task to get what it returns)"
    if isinstance(value, asyncio.Future):
        return "an asyncio Future instead of its result (await it to get the value)"
    text = repr(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _difference(got, want):
    """What is wrong with `got`, in as few words as will do; lists get their first difference."""
    if isinstance(got, (list, tuple)) and isinstance(want, list):
        got = list(got)
        if len(got) != len(want):
            return f"{len(got)} items, expected {len(want)}: {describe(got)}"
        if sorted(map(repr, got)) == sorted(map(repr, want)):
            return f"the right items in the wrong order: {describe(got)}; expected {describe(want)}"
        index = next(i for i, (a, b) in enumerate(zip(got, want)) if a != b)
        return f"{describe(got[index])} at position {index}, expected {describe(want[index])}"
    return f"{describe(got)}, expected {describe(want)}"


class Check:
    """Handed to every test case. `k.learner` is the module under test."""

    def __init__(self, module, collector):
        self.learner = module
        self._collector = collector
        self._undo = []

    def now(self):
        """Virtual seconds since this test started."""
        return CLOCK.now - self._collector.t0

    def fail(self, kind, message, where=None):
        raise Failure(kind, message, where)

    def expect(self, condition, kind, message, where=None):
        if not condition:
            raise Failure(kind, message, where)

    def defined_at(self, name):
        """Where the learner's function `name` is defined (through our wrappers), or None."""
        func = getattr(self.learner, name, None)
        while hasattr(func, "__wrapped__"):
            func = func.__wrapped__
        code = getattr(func, "__code__", None)
        if code is None or not is_learner(code.co_filename):
            return None
        return Where(display(code.co_filename), code.co_firstlineno, name)

    def call_sites(self, name):
        """The learner's lines that called the traced function `name` during this test, in order."""
        seen, sites = set(), []
        for row in self._collector.rows:
            if row.function == name and row.where is not None and row.where.text() not in seen:
                seen.add(row.where.text())
                sites.append(row.where)
        return sites

    def patch(self, target, name, value):
        """Replace an attribute for this test only."""
        missing = object()
        old = getattr(target, name, missing)
        self._undo.append((target, name, old, missing))
        setattr(target, name, value)

    def undo(self):
        while self._undo:
            target, name, old, missing = self._undo.pop()
            if old is missing:
                delattr(target, name)
            else:
                setattr(target, name, old)

    def function(self, name, *, coroutine=True):
        """The learner's function `name`, which must still exist (and still be `async def`)."""
        func = getattr(self.learner, name, None)
        if func is None or not callable(func):
            raise Failure("wrong-result", f"your file no longer defines {name}(); the tests call it")
        if coroutine and not inspect.iscoroutinefunction(func):
            raise Failure(
                "wrong-result",
                f"{name}() must stay an `async def`: callers await it, and a plain function "
                "can't be awaited",
            )
        return func

    def trace(self, target, name, label=None):
        """Record every call of the coroutine function `target.name` as a timeline row."""
        original = getattr(target, name)
        self.patch(target, name, traced_function(original, label))
        return original

    def expect_value(self, got, want, what, where=None):
        """`got == want`, with a message naming un-awaited coroutines, tasks and futures."""
        if inspect.isawaitable(got) and not inspect.isawaitable(want):
            raise Failure("wrong-result", f"{what} returned {describe(got)}", where)
        if got != want:
            raise Failure("wrong-result", f"{what} returned {_difference(got, want)}", where)

    def expect_elapsed(self, started, *, at_most=None, at_least=None, what="this", where=None):
        took = self.now() - started
        if at_most is not None and took > at_most + EPSILON:
            raise Failure(
                "too-slow",
                f"{what} took {ms(took)} of virtual time; done concurrently it takes {ms(at_most)}",
                where,
            )
        if at_least is not None and took < at_least - EPSILON:
            raise Failure(
                "too-fast",
                f"{what} took {ms(took)} of virtual time but must still wait {ms(at_least)}",
                where,
            )
        return took
