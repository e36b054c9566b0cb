# expect: fail too-slow
# python: >=3.11
# Each task turns SoldOut into None, so nothing is cancelled and a sold-out quote waits for every provider.
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
    async def price_or_none(price, trip: str) -> int | None:
        try:
            return await price(trip)
        except SoldOut:
            return None

    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(price_or_none(p, trip)) for p in (price_flight, price_hotel, price_car)]
    prices = [task.result() for task in tasks]
    if None in prices:
        return None
    return Quote(*prices)
