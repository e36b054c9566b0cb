# expect: fail too-slow
# Gathers every fare first and only then sends them, so nothing reaches the browser before the slowest airline.
import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Fare:
    airline: str
    route: str
    cents: int


async def quote_fare(airline: str, route: str) -> Fare:
    await asyncio.sleep(0.05)  # pretend a call to the airline's API
    return Fare(airline, route, 19900)


async def search_fares(route: str, airlines: list[str],
                       send: Callable[[Fare], Awaitable[None]]) -> list[Fare]:
    """Ask every airline at once and stream each fare to the browser as soon as it arrives."""
    fares = await asyncio.gather(*(quote_fare(airline, route) for airline in airlines))
    for fare in fares:
        await send(fare)
    return list(fares)
