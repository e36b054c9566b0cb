# expect: pass
# Tags each fetch with its position, collects them with as_completed, then puts them back in symbol order.
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
    async def numbered(position: int, symbol: str) -> tuple[int, Quote]:
        return position, await fetch_quote(symbol)

    by_position: dict[int, Quote] = {}
    for next_done in asyncio.as_completed([numbered(i, s) for i, s in enumerate(symbols)]):
        position, quote = await next_done
        by_position[position] = quote
    return [by_position[i] for i in range(len(symbols))]
