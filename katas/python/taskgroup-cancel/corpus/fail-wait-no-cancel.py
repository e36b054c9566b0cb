# expect: fail wrong-result
# python: >=3.11
# Waits for the first exception with asyncio.wait but never cancels the requests still pending.
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
    for task in done:
        error = task.exception()
        if isinstance(error, SoldOut):
            return None
        if error is not None:
            raise error
    return Quote(*(task.result() for task in tasks))
