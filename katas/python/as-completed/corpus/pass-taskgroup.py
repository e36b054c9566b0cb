# expect: pass
# python: >=3.11
# A TaskGroup (3.11+) runs one quote-and-send task per airline; the block ends when all have sent.
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
    sent = []

    async def quote_and_send(airline: str) -> None:
        fare = await quote_fare(airline, route)
        await send(fare)
        sent.append(fare)

    async with asyncio.TaskGroup() as tg:
        for airline in airlines:
            tg.create_task(quote_and_send(airline))
    return sent
