# expect: pass
# python: >=3.11
# Starts one task per symbol in a TaskGroup (3.11+) and reads the results in symbol order.
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
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch_quote(symbol)) for symbol in symbols]
    return [task.result() for task in tasks]
