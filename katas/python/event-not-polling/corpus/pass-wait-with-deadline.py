# expect: pass
# Awaits the Event once through asyncio.wait_for with a generous 30 s deadline, so a download that never ends cannot hang convert.
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
    rates.loaded.set()  # wakes every convert waiting below


async def convert(rates: Rates, usd_cents: int, currency: str) -> int:
    await asyncio.wait_for(rates.loaded.wait(), timeout=30)
    return round(usd_cents * rates.table[currency])
