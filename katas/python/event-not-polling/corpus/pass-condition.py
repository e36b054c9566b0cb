# expect: pass
# Guards the flag with an asyncio.Condition: load_rates notifies all waiters, convert uses wait_for with a predicate.
import asyncio


class Rates:
    """Today's exchange rates, downloaded once at start-up by load_rates."""

    def __init__(self) -> None:
        self.table: dict[str, float] = {}
        self.loaded = False
        self.changed = asyncio.Condition()


async def fetch_table() -> dict[str, float]:
    await asyncio.sleep(0.2)  # pretend to download today's rates
    return {"EUR": 0.92, "GBP": 0.79}


async def load_rates(rates: Rates) -> None:
    table = await fetch_table()
    async with rates.changed:
        rates.table = table
        rates.loaded = True
        rates.changed.notify_all()


async def convert(rates: Rates, usd_cents: int, currency: str) -> int:
    async with rates.changed:
        await rates.changed.wait_for(lambda: rates.loaded)
    return round(usd_cents * rates.table[currency])
