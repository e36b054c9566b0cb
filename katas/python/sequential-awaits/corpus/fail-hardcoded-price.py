# expect: fail wrong-result
# Skips fetch_quote, waits one round trip itself and builds every Quote with the stub's price.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quote:
    symbol: str
    cents: int


async def fetch_quote(symbol: str) -> Quote:
    await asyncio.sleep(0.01)  # pretend network round trip
    return Quote(symbol, 4200)


async def fetch_quotes(symbols: list[str]) -> list[Quote]:
    await asyncio.sleep(0.01)  # one round trip for all symbols
    return [Quote(symbol, 4200) for symbol in symbols]
