"""Hidden tests for async-generator-close: open_cursor is replaced by a fake database with one connection."""
import asyncio

from katacheck import Check, case

# Virtual seconds per round trip to the fake server; closing costs more than the starter's stub says.
OPEN, PAGE, CLOSE = 0.01, 0.01, 0.004

# Orders as (order_id, customer, status), page by page.
PAGES = [
    [("A-1", "ann", "paid"), ("B-1", "bob", "paid"), ("A-2", "ann", "shipped")],
    [("B-2", "bob", "refunded"), ("A-3", "ann", "refunded"), ("C-1", "cid", "paid")],
    [("A-4", "ann", "refunded"), ("C-2", "cid", "refunded")],
    [("B-3", "bob", "paid")],
]


class ConnectionBusy(RuntimeError):
    pass


class FakeCursor:
    def __init__(self, db, number):
        self.db = db
        self.number = number
        self.fetched = 0
        self.closed = False

    async def fetch_page(self):
        if self.closed:
            raise RuntimeError("fetch_page() on a cursor that is already closed")
        await asyncio.sleep(PAGE)
        self.fetched += 1
        return list(self.db.pages[self.fetched - 1]) if self.fetched <= len(self.db.pages) else []

    async def close(self):
        if self.closed:
            return
        await asyncio.sleep(CLOSE)
        self.closed = True
        if self.db.busy is self:
            self.db.busy = None


class FakeDatabase:
    """One connection: a second cursor can't be opened while the first one is still open."""

    def __init__(self, k: Check):
        order = getattr(k.learner, "Order", None)
        if order is None:
            k.fail("wrong-result", "your file no longer defines the Order class; the tests build orders with it")
        self.k = k
        self.pages = [[order(*row) for row in page] for page in PAGES]
        self.cursors = []
        self.busy = None

    def find(self, customer):
        """The customer's first refund, the page it is on (1-based), or (None, all pages)."""
        for number, page in enumerate(self.pages, 1):
            for order in page:
                if order.customer == customer and order.status == "refunded":
                    return order, number
        return None, len(self.pages)

    async def open_cursor(self):
        if self.busy is not None:
            raise ConnectionBusy(
                f"cannot open a cursor: cursor {self.busy.number} is still open on this connection, "
                "so the previous lookup never closed it")
        cursor = FakeCursor(self, len(self.cursors) + 1)
        self.busy = cursor
        self.cursors.append(cursor)
        await asyncio.sleep(OPEN)
        n = cursor.number
        self.k.trace(cursor, "fetch_page", label=lambda: f"cursor {n}: fetch_page()")
        self.k.trace(cursor, "close", label=lambda: f"cursor {n}: close()")
        return cursor


def _install(k: Check):
    db = FakeDatabase(k)

    async def open_cursor():
        return await db.open_cursor()

    k.patch(k.learner, "open_cursor", open_cursor)
    k.trace(k.learner, "open_cursor", label=lambda: "open_cursor()")
    return db


async def _lookup(k: Check, db, customer, *, closed=True):
    """Run first_refund(customer); check its result and (unless told not to) that its cursor is closed."""
    first_refund = k.function("first_refund")
    opened = len(db.cursors)
    got = await first_refund(customer)
    want, pages = db.find(customer)
    where = k.defined_at("first_refund")
    call = f"first_refund({customer!r})"
    if got is not want:
        k.expect_value(got, want, call, where)
        k.fail("wrong-result", f"{call} returned an equal copy; return the Order the cursor gave you", where)
    mine = db.cursors[opened:]
    if not mine:
        k.fail("wrong-result", f"{call} never opened a cursor: read the orders through iter_orders()", where)
    if closed and not all(c.closed for c in mine):
        gen = k.defined_at("iter_orders")
        at = f" (defined at {gen.text()})" if gen else ""
        k.fail(
            "wrong-result",
            f"{call} returned while its cursor was still open: the finally block of iter_orders{at} "
            "had not run yet. Leaving an `async for` early leaves the generator suspended at its "
            "yield, and nothing closes it until it is garbage-collected and the event loop gets "
            "round to it, some time later",
            where)
    return got, mine, pages


@case("the cursor is closed by the time first_refund returns", timeline=True)
async def closed_on_return(k: Check):
    db = _install(k)
    started = k.now()
    got, mine, pages = await _lookup(k, db, "ann")
    where = k.defined_at("first_refund")
    fetched = sum(c.fetched for c in mine)
    k.expect(fetched <= pages, "too-slow",
             f"first_refund('ann') fetched {fetched} pages, but ann's first refund is on page {pages}: "
             "stop reading as soon as you have found it", where)
    k.expect_elapsed(started, at_most=OPEN + pages * PAGE + CLOSE,
                     what="finding the first refund on page 2", where=where)


@case("with no refund, every page is read and the cursor is closed")
async def no_refund(k: Check):
    db = _install(k)
    await _lookup(k, db, "dan")


@case("two lookups in a row share one connection")
async def two_lookups(k: Check):
    db = _install(k)
    await _lookup(k, db, "bob", closed=False)  # what happens to the next lookup is the point here
    await _lookup(k, db, "cid")
