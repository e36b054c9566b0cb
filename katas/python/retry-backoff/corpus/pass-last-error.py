# expect: pass
# Remembers the last WarehouseBusy, sleeps with asyncio.sleep between attempts and re-raises that same error after the loop.
import asyncio

MAX_ATTEMPTS = 4
FIRST_DELAY = 0.1  # seconds; doubles after every failed attempt


class WarehouseBusy(Exception):
    """The warehouse API answered 503 Service Unavailable: worth trying again later."""


async def fetch_stock(sku: str) -> int:
    """GET /stock/<sku> from the warehouse API."""
    await asyncio.sleep(0.02)  # pretend network round trip
    return 0


async def stock_level(sku: str) -> int:
    delay = FIRST_DELAY
    last_error = None
    for attempt in range(1, MAX_ATTEMPTS + 1):
        if attempt > 1:
            await asyncio.sleep(delay)
            delay *= 2
        try:
            return await fetch_stock(sku)
        except WarehouseBusy as exc:
            last_error = exc
    assert last_error is not None
    raise last_error
