# expect: fail wrong-result
# Returns the gather future itself instead of awaiting it, so the caller gets a Future, not a list.
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
    return asyncio.gather(*(fetch_quote(symbol) for symbol in symbols))
