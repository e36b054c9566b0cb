# expect: pass
# Creates every task first, then awaits them one by one in symbol order.
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
    tasks = [asyncio.create_task(fetch_quote(symbol)) for symbol in symbols]
    quotes = []
    for task in tasks:
        quotes.append(await task)
    return quotes
