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
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return await fetch_stock(sku)
        except WarehouseBusy:
            if attempt == MAX_ATTEMPTS:
                raise  # out of attempts: the caller gets the last 503
            await asyncio.sleep(delay)
            delay *= 2
    raise AssertionError("unreachable: the last attempt returns or raises")
