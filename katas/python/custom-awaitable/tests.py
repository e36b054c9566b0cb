"""Hidden tests for custom-awaitable: run_query is replaced by a fake database with a 10 ms round trip.

run_query is deliberately not traced: the tracing wrapper is a plain iterator, so `yield from` and
`__await__` would accept it where Python rejects the learner's real coroutine."""
import asyncio
import inspect

from katacheck import Check, case

LATENCY = 0.01  # one database round trip
PEOPLE = [
    {"id": 1, "name": "ada", "active": True},
    {"id": 2, "name": "grace", "active": False},
    {"id": 3, "name": "linus", "active": True},
    {"id": 4, "name": "guido", "active": True},
]


class FakeDatabase:
    def __init__(self):
        self.rows = [dict(row) for row in PEOPLE]
        self.calls = []

    async def run_query(self, table, filters, limit):
        self.calls.append((table, dict(filters), limit))
        await asyncio.sleep(LATENCY)
        return self.select(filters, limit)

    def select(self, filters, limit):
        found = [dict(row) for row in self.rows if all(row.get(k) == v for k, v in filters.items())]
        return found if limit is None else found[:limit]


def _install(k: Check):
    db = FakeDatabase()

    async def run_query(table, filters, limit):
        return await db.run_query(table, filters, limit)

    run_query.__qualname__ = run_query.__name__ = "run_query"
    k.patch(k.learner, "run_query", run_query)
    return db


def _query_class(k: Check):
    cls = getattr(k.learner, "UserQuery", None)
    if not isinstance(cls, type):
        k.fail("wrong-result", "your file no longer defines the UserQuery class; the tests build queries with it")
    return cls


def _await_at(k: Check):
    """Where UserQuery.__await__ is defined (k.defined_at finds module-level names: lend it one)."""
    method = inspect.getattr_static(_query_class(k), "__await__", None)
    if not callable(method):
        return None
    k.patch(k.learner, "UserQuery.__await__", method)
    return k.defined_at("UserQuery.__await__")


def _users(k: Check, rows):
    user = getattr(k.learner, "User", None)
    if user is None:
        k.fail("wrong-result", "your file no longer defines the User class; the tests compare users with it")
    return [user(**row) for row in rows]


async def _await(k: Check, query, what):
    """`await query`, turning the await protocol's errors into messages that name __await__."""
    where = _await_at(k)
    if not inspect.isawaitable(query):
        k.fail("wrong-result", f"{what} is not awaitable: a UserQuery needs an __await__ method", where)
    try:
        return await query
    except TypeError as exc:
        text = str(exc)
        # 3.15 words both as "X.__await__() must return an iterator, not <type>".
        if "__await__() returned a coroutine" in text or "must return an iterator, not coroutine" in text:
            k.fail("exception",
                   f"awaiting {what} raised TypeError: {exc}. __await__ must be a plain method that returns an "
                   "iterator, and a coroutine object is not one (an `async def __await__` returns a coroutine "
                   "too); hand over the iterator that drives the coroutine instead", where)
        if "__await__() returned non-iterator" in text or "__await__() must return an iterator, not" in text:
            k.fail("exception",
                   f"awaiting {what} raised TypeError: {exc}. __await__ must return an iterator for the "
                   "await to drive: is a `return` missing?", where)
        raise
    except RuntimeError as exc:
        if "cannot reuse already awaited coroutine" in str(exc):
            k.fail("exception",
                   f"awaiting {what} again raised RuntimeError: {exc}. A coroutine runs only once, so a "
                   "query that can be awaited twice must make a fresh one on every call to __await__", where)
        if "got bad yield" in str(exc):
            k.fail("exception",
                   f"awaiting {what} raised RuntimeError: the Task got a coroutine object yielded to it. "
                   "`yield x` in __await__ sends x up to the Task, which only understands asyncio futures "
                   "(or None); to run another awaitable inside, delegate to it with `yield from`", where)
        raise


def _expect_rows(k: Check, got, rows, what):
    k.expect_value(got if not isinstance(got, tuple) else list(got), _users(k, rows), what, _await_at(k))


def _expect_calls(k: Check, db, want, what):
    if db.calls != want:
        k.fail("wrong-result",
               f"{what}: run_query was called {len(db.calls)} time(s) with {db.calls}, expected {want}",
               _await_at(k))


@case("awaiting a query runs it once and gives its users")
async def one_query(k: Check):
    db = _install(k)
    query = _query_class(k)().where(active=True).limit(2)
    _expect_calls(k, db, [], "building the query (before any await)")
    started = k.now()
    got = await _await(k, query, "UserQuery().where(active=True).limit(2)")
    _expect_rows(k, got, db.select({"active": True}, 2), "await UserQuery().where(active=True).limit(2)")
    _expect_calls(k, db, [("users", {"active": True}, 2)], "awaiting the query")
    k.expect_elapsed(started, at_least=LATENCY, at_most=LATENCY, what="one query", where=_await_at(k))


@case("every await runs the query again")
async def await_twice(k: Check):
    db = _install(k)
    query = _query_class(k)().where(active=True)
    first = await _await(k, query, "UserQuery().where(active=True)")
    _expect_rows(k, first, db.select({"active": True}, None), "the first await of the query")
    db.rows.append({"id": 5, "name": "barbara", "active": True})
    started = k.now()
    second = await _await(k, query, "the same query")
    _expect_calls(k, db, [("users", {"active": True}, None)] * 2, "awaiting one query twice")
    _expect_rows(k, second, db.select({"active": True}, None), "the second await (after barbara joined)")
    k.expect_elapsed(started, at_least=LATENCY, at_most=LATENCY, what="the second await", where=_await_at(k))


@case("three queries awaited together take one round trip")
async def together(k: Check):
    db = _install(k)
    cls = _query_class(k)
    queries = [cls(), cls().where(active=False), cls().where(active=True).limit(1)]
    started = k.now()
    # Each query awaited by its own task (not handed to gather directly: on 3.10 and 3.11 gather drives
    # a bad __await__ through a generator that tolerates it, and the test would miss the bug).
    results = await asyncio.gather(*(_await(k, q, "one of three queries awaited together") for q in queries))
    for got, (filters, limit) in zip(results, [({}, None), ({"active": False}, None), ({"active": True}, 1)]):
        _expect_rows(k, got, db.select(filters, limit), f"gather: the query with filters {filters} limit {limit}")
    k.expect_elapsed(started, at_least=LATENCY, at_most=LATENCY, what="three queries awaited together",
                     where=_await_at(k))
