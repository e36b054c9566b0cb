# expect: fail wrong-result
# python: >=3.11
# Cancels the pending requests on failure but returns before they have actually stopped.
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
    try:
        return Quote(*await asyncio.gather(*tasks))
    except SoldOut:
        for task in tasks:
            task.cancel()
        return None
    except Exception:
        for task in tasks:
            task.cancel()
        raise
