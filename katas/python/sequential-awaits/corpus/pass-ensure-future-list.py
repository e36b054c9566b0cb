# expect: pass
# Wraps each coroutine with asyncio.ensure_future up front, then awaits the futures in order.
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
    futures = [asyncio.ensure_future(fetch_quote(symbol)) for symbol in symbols]
    return [await future for future in futures]
