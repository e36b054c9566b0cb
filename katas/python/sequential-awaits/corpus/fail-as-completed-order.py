# expect: fail wrong-result
# Runs the fetches concurrently with as_completed but appends them in completion order.
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
    quotes = []
    for next_done in asyncio.as_completed([fetch_quote(symbol) for symbol in symbols]):
        quotes.append(await next_done)
    return quotes
