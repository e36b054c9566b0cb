# expect: fail too-slow
# The starter unchanged: each fetch starts only after the previous one has finished.
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
    for symbol in symbols:
        quotes.append(await fetch_quote(symbol))
    return quotes
