# expect: pass
# Retries in a while loop with an attempt counter and a doubling asyncio.sleep.
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
    attempt, delay = 1, FIRST_DELAY
    while True:
        try:
            return await fetch_stock(sku)
        except WarehouseBusy:
            if attempt >= MAX_ATTEMPTS:
                raise
        await asyncio.sleep(delay)
        attempt, delay = attempt + 1, delay * 2
