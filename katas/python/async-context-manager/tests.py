"""Hidden tests for async-context-manager: a pool (an asyncio.Queue) of fake connections that can decline."""
import asyncio
from collections import Counter

from katacheck import Check, case

ROUND_TRIP = 0.01  # virtual seconds per execute()


class Declined(Exception):
    """What the fake database raises for a payment the card issuer refuses."""


class FakeConnection:
    def __init__(self, name, declined=()):
        self.name = name
        self.declined = set(declined)
        self.busy = False
        self.shared = False

    async def execute(self, sql, *args):
        if self.busy:
            self.shared = True
            raise RuntimeError(f"{self.name} is already running a query for another caller")
        self.busy = True
        try:
            await asyncio.sleep(ROUND_TRIP)
        finally:
            self.busy = False
        if args and args[0] in self.declined:
            raise Declined(f"payment {args[0]} was declined")

    def __repr__(self):
        return self.name


def _pool(names, declined=()):
    conns = [FakeConnection(name, declined) for name in names]
    pool = asyncio.Queue()
    for conn in conns:
        pool.put_nowait(conn)
    return pool, conns


def _idle(pool):
    return list(pool._queue)  # the connections waiting in the queue, in order


def _expect_full(k: Check, pool, conns, after):
    """Every connection is back in the pool, once each."""
    where = k.defined_at("borrow")
    idle = Counter(map(id, _idle(pool)))
    twice = [c.name for c in conns if idle[id(c)] > 1]
    if twice:
        k.fail("wrong-result",
               f"after {after}, the pool holds {pool.qsize()} connections for {len(conns)}: "
               f"{', '.join(twice)} went back twice, so two callers could use it at once", where)
    missing = [c.name for c in conns if idle[id(c)] == 0]
    if missing:
        k.fail("wrong-result",
               f"after {after}, {', '.join(missing)} never went back to the pool, which is down to "
               f"{pool.qsize()} of {len(conns)} connections: borrow must give the connection back "
               "however the async with block ends", where)


@case("a declined charge still raises, and its connection goes back")
async def declined_returns(k: Check):
    charge = k.function("charge")
    pool, conns = _pool(["conn-1", "conn-2"], declined={"pay-2"})
    where = k.defined_at("charge")
    try:
        got = await charge(pool, "pay-2", 500)
    except Declined:
        pass
    else:
        k.fail("wrong-result",
               f"charge(pool, 'pay-2', 500) returned {got!r}, but the payment was declined: the "
               "Declined error was swallowed on its way out of the async with block. Release the "
               "connection and let the error reach the caller", k.defined_at("borrow") or where)
    _expect_full(k, pool, conns, "the declined charge 'pay-2'")


@case("five charges share two connections, two of them declined", timeline=True)
async def run_of_charges(k: Check):
    k.function("charge")
    k.trace(k.learner, "charge", label=lambda pool, payment_id, cents: f"charge({payment_id})")
    charge = k.learner.charge
    pool, conns = _pool(["conn-1", "conn-2"], declined={"pay-2", "pay-3"})
    ids = ["pay-1", "pay-2", "pay-3", "pay-4", "pay-5"]
    started = k.now()
    results = await asyncio.gather(*(charge(pool, p, 100) for p in ids), return_exceptions=True)
    where = k.defined_at("charge")
    shared = [c.name for c in conns if c.shared]
    if shared:
        k.fail("wrong-result",
               f"{', '.join(shared)} was lent to two charges at once: it went back into the pool "
               "twice, so the pool handed it out twice", k.defined_at("borrow") or where)
    for result in results:
        if isinstance(result, BaseException) and not isinstance(result, Declined):
            raise result
    got = [r if isinstance(r, str) else type(r).__name__ for r in results]
    want = ["pay-1", "Declined", "Declined", "pay-4", "pay-5"]
    k.expect_value(got, want, "five charges (pay-2 and pay-3 declined)", where)
    _expect_full(k, pool, conns, "five charges")
    k.expect_elapsed(started, at_most=3 * ROUND_TRIP, what="five charges on two connections", where=where)


@case("borrow gives the connection back however the block ends")
async def borrow_directly(k: Check):
    borrow = k.function("borrow", coroutine=False)
    where = k.defined_at("borrow")
    pool, conns = _pool(["conn-1", "conn-2"])

    # 1. A block that ends normally.
    async with borrow(pool) as conn:
        if conn not in conns:
            k.fail("wrong-result", f"borrow(pool) lent {conn!r}, which is not a connection of the pool", where)
    _expect_full(k, pool, conns, "an `async with borrow(pool)` block that ended normally")

    # 2. Another caller's block raises an error of its own.
    try:
        async with borrow(pool):
            raise KeyError("no such column")
    except KeyError:
        pass
    else:
        k.fail("wrong-result",
               "a KeyError raised inside `async with borrow(pool)` never reached the caller: "
               "borrow swallowed it", where)
    _expect_full(k, pool, conns, "a KeyError inside `async with borrow(pool)`")

    # 3. The task using the connection is cancelled (a timeout, a client that hung up).
    async def slow_query():
        async with borrow(pool) as conn:
            await asyncio.sleep(1)

    task = asyncio.create_task(slow_query())
    await asyncio.sleep(ROUND_TRIP)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    else:
        k.fail("wrong-result",
               "a task cancelled inside `async with borrow(pool)` finished as if nothing happened: "
               "borrow swallowed the CancelledError, so the cancellation was lost", where)
    _expect_full(k, pool, conns,
                 "a task was cancelled inside `async with borrow(pool)` (CancelledError is a "
                 "BaseException, not an Exception)")

    # 4. A caller is cancelled while it still waits for a connection: it must take nothing.
    held = [await pool.get() for _ in conns]
    task = asyncio.create_task(slow_query())
    await asyncio.sleep(ROUND_TRIP)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        pass
    for conn in held:
        pool.put_nowait(conn)
    _expect_full(k, pool, conns, "a caller was cancelled while waiting for a free connection")
