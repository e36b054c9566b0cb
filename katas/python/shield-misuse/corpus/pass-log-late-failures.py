# expect: pass
# Shields the tracked task, and its done callback also reports a payment that fails after its caller left.
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


def _forget(payment: asyncio.Task[Receipt]) -> None:
    in_flight.discard(payment)
    if not payment.cancelled() and payment.exception() is not None:
        print(f"payment failed after its caller left: {payment.exception()!r}")


async def checkout(order: Order) -> Receipt:
    payment = asyncio.create_task(commit_payment(order))
    in_flight.add(payment)
    payment.add_done_callback(_forget)
    return await asyncio.shield(payment)


async def drain() -> None:
    """Called at shutdown: wait until every payment in flight is committed."""
    await asyncio.gather(*in_flight, return_exceptions=True)
