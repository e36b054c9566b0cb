# expect: pass
# Creates tasks, waits for all with asyncio.wait (guarding the empty list), then reads results in task order.
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
    if not symbols:
        return []  # asyncio.wait refuses an empty collection
    tasks = [asyncio.create_task(fetch_quote(symbol)) for symbol in symbols]
    await asyncio.wait(tasks)
    return [task.result() for task in tasks]
