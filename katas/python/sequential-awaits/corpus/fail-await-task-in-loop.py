# expect: fail too-slow
# Wraps each fetch in a Task but awaits it immediately inside the loop, so the fetches still run one by one.
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
        quotes.append(await asyncio.create_task(fetch_quote(symbol)))
    return quotes
