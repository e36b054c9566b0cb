# expect: fail wrong-result
# python: >=3.11
# Widens the handler to except Exception, which matches the ExceptionGroup and turns every failure into None.
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
    try:
        async with asyncio.TaskGroup() as tg:
            flight = tg.create_task(price_flight(trip))
            hotel = tg.create_task(price_hotel(trip))
            car = tg.create_task(price_car(trip))
    except Exception:
        return None
    return Quote(flight.result(), hotel.result(), car.result())
