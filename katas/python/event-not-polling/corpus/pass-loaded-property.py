# expect: pass
# Keeps load_rates' `rates.loaded = True` and turns loaded into a property backed by an asyncio.Event that convert awaits.
import asyncio


class Rates:
    """Today's exchange rates, downloaded once at start-up by load_rates."""

    def __init__(self) -> None:
        self.table: dict[str, float] = {}
        self.ready = asyncio.Event()

    @property
    def loaded(self) -> bool:
        return self.ready.is_set()

    @loaded.setter
    def loaded(self, value: bool) -> None:
        if value:
            self.ready.set()
        else:
            self.ready.clear()


async def fetch_table() -> dict[str, float]:
    await asyncio.sleep(0.2)  # pretend to download today's rates
    return {"EUR": 0.92, "GBP": 0.79}


async def load_rates(rates: Rates) -> None:
    rates.table = await fetch_table()
    rates.loaded = True


async def convert(rates: Rates, usd_cents: int, currency: str) -> int:
    await rates.ready.wait()
    return round(usd_cents * rates.table[currency])
