# expect: pass
# python: >=3.11
# Without a TaskGroup: waits for the first exception, cancels and awaits the rest, then sorts the errors itself.
import asyncio
from dataclasses import dataclass


class SoldOut(Exception):
    """A provider has nothing left for these dates."""


@dataclass(frozen=True, slots=True)
class Quote:
    flight: int
    hotel: int
    car: int


async def price_flight(trip: str) -> int:
    await asyncio.sleep(0.02)  # pretend call to the airline
    return 350


async def price_hotel(trip: str) -> int:
    await asyncio.sleep(0.03)  # pretend call to the hotel chain
    return 420


async def price_car(trip: str) -> int:
    await asyncio.sleep(0.01)  # pretend call to the car rental
    return 90


async def quote_trip(trip: str) -> Quote | None:
    """The price of every part of the trip, or None when any part is sold out."""
    tasks = [asyncio.create_task(price(trip)) for price in (price_flight, price_hotel, price_car)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for task in pending:
        task.cancel()
    await asyncio.gather(*pending, return_exceptions=True)  # let the cancellations finish
    errors = [task.exception() for task in done if task.exception() is not None]
    for error in errors:
        if not isinstance(error, SoldOut):
            raise error
    if errors:
        return None
    return Quote(*(task.result() for task in tasks))
