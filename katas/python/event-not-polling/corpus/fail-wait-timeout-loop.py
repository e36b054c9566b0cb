# expect: fail wrong-result
# Waits on the Event with a 0.5 s timeout in a loop, so a slow download still wakes convert every half second.
import asyncio


class Rates:
    """Today's exchange rates, downloaded once at start-up by load_rates."""

    def __init__(self) -> None:
        self.table: dict[str, float] = {}
        self.loaded = asyncio.Event()


async def fetch_table() -> dict[str, float]:
    await asyncio.sleep(0.2)  # pretend to download today's rates
    return {"EUR": 0.92, "GBP": 0.79}


async def load_rates(rates: Rates) -> None:
    rates.table = await fetch_table()
    rates.loaded.set()


async def convert(rates: Rates, usd_cents: int, currency: str) -> int:
    while not rates.loaded.is_set():
        try:
            await asyncio.wait_for(rates.loaded.wait(), timeout=0.5)
        except asyncio.TimeoutError:
            pass  # not there yet: wait again
    return round(usd_cents * rates.table[currency])
