# expect: fail exception
# Creates one Event for the whole module: once any Rates has loaded, every later Rates() counts as loaded with an empty table.
import asyncio

RATES_LOADED = asyncio.Event()


class Rates:
    """Today's exchange rates, downloaded once at start-up by load_rates."""

    def __init__(self) -> None:
        self.table: dict[str, float] = {}


async def fetch_table() -> dict[str, float]:
    await asyncio.sleep(0.2)  # pretend to download today's rates
    return {"EUR": 0.92, "GBP": 0.79}


async def load_rates(rates: Rates) -> None:
    rates.table = await fetch_table()
    RATES_LOADED.set()


async def convert(rates: Rates, usd_cents: int, currency: str) -> int:
    await RATES_LOADED.wait()
    return round(usd_cents * rates.table[currency])
