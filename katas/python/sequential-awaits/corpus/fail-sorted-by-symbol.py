# expect: fail wrong-result
# Gathers concurrently, then sorts the quotes by symbol instead of keeping the input order.
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
    quotes = await asyncio.gather(*(fetch_quote(symbol) for symbol in symbols))
    return sorted(quotes, key=lambda quote: quote.symbol)
