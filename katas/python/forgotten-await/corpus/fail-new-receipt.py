# expect: fail wrong-result
# Awaits create_receipt but throws its result away and returns an equal, freshly built Receipt.
import asyncio
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Receipt:
    order_id: str


async def create_receipt(order_id: str) -> Receipt:
    await asyncio.sleep(0)
    return Receipt(order_id)


async def checkout(order_id: str) -> Receipt:
    await create_receipt(order_id)
    receipt = Receipt(order_id)
    print(f"created {receipt}")
    return receipt
