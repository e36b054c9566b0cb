# expect: pass
# Registers the generator's aclose on a contextlib.AsyncExitStack, which awaits it on the way out.
import asyncio
import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Order:
    order_id: str
    customer: str
    status: str


class Cursor:
    """A server-side cursor: it keeps a database connection busy until it is closed."""

    def __init__(self, pages: list[list[Order]]) -> None:
        self._pages = iter(pages)
        self.closed = False

    async def fetch_page(self) -> list[Order]:
        await asyncio.sleep(0.01)  # pretend network round trip
        return next(self._pages, [])

    async def close(self) -> None:
        await asyncio.sleep(0.001)  # tell the server to drop the cursor
        self.closed = True


async def open_cursor() -> Cursor:
    await asyncio.sleep(0.01)  # pretend network round trip
    return Cursor([[Order("A-1", "ann", "paid")], [Order("A-2", "ann", "refunded")]])


async def iter_orders() -> AsyncIterator[Order]:
    cursor = await open_cursor()
    try:
        while page := await cursor.fetch_page():
            for order in page:
                yield order
    finally:
        await cursor.close()


async def first_refund(customer: str) -> Order | None:
    async with contextlib.AsyncExitStack() as stack:
        orders = iter_orders()
        stack.push_async_callback(orders.aclose)
        async for order in orders:
            if order.customer == customer and order.status == "refunded":
                return order
    return None
