# expect: pass
# Shields the tracked task; drain() uses asyncio.wait and skips the call when nothing is in flight.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Order:
    order_id: str
    cents: int


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str
    payment_id: str


async def authorize(order: Order) -> str:
    await asyncio.sleep(0.1)  # the provider puts the money on hold
    return f"auth-{order.order_id}"


async def capture(auth_id: str) -> str:
    await asyncio.sleep(0.2)  # the provider takes the money that is on hold
    return f"pay-{auth_id}"


async def commit_payment(order: Order) -> Receipt:
    auth_id = await authorize(order)
    payment_id = await capture(auth_id)  # stopping between the two steps leaves the money on hold
    return Receipt(order.order_id, payment_id)


in_flight: set[asyncio.Task[Receipt]] = set()  # payments still being committed


async def checkout(order: Order) -> Receipt:
    payment = asyncio.create_task(commit_payment(order))
    in_flight.add(payment)
    payment.add_done_callback(in_flight.discard)
    return await asyncio.shield(payment)


async def drain() -> None:
    """Called at shutdown: wait until every payment in flight is committed."""
    if in_flight:
        await asyncio.wait(set(in_flight))
