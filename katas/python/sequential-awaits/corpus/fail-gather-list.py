# expect: fail exception never-awaited
# Passes the list of coroutines to gather as one argument (TypeError); the coroutines are never awaited.
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
    return await asyncio.gather([fetch_quote(symbol) for symbol in symbols])
